package org.ecawizard.certcheck;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.facts.Acceptance;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.facts.HeldCertificate;
import org.ecawizard.facts.HeldPolicy;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.Renewal;
import org.ecawizard.facts.Warning;
import org.ecawizard.ruleset.Conclusion;
import org.ecawizard.ruleset.Evaluation;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.stereotype.Component;

/**
 * Checks a held certificate against a selection: its policy OIDs and days left go in as facts; the rules say
 * which type it is, which selected applications take it and what renewal allows; what it misses gets a
 * recommendation of its own.
 */
@Component
public class CertificateChecker {

    private final Advisor advisor;
    private final Clock clock;

    public CertificateChecker(Advisor advisor, Clock clock) {
        this.advisor = advisor;
        this.clock = clock;
    }

    /** The facts that describe a held certificate to the rules. */
    public static List<Object> facts(List<String> policyOids, long daysLeft) {
        List<Object> facts = new ArrayList<>();
        policyOids.forEach(oid -> facts.add(new HeldPolicy(oid)));
        facts.add(new HeldCertificate(daysLeft));
        return facts;
    }

    public CertificateCheck check(Ruleset ruleset, HeldCertificateFile held, Choice choice) {
        long daysLeft = Duration.between(clock.instant(), held.notAfter()).toDays();
        if (held.notAfter().isBefore(clock.instant())) {
            daysLeft = Math.min(daysLeft, -1);
        }
        return check(ruleset, held, choice, daysLeft);
    }

    /** The check with the days to expiry given, as an analyst's scenario gives them. */
    public CertificateCheck check(Ruleset ruleset, HeldCertificateFile held, Choice choice, long daysLeft) {
        Evaluation evaluation = advisor.evaluate(ruleset, choice, facts(held.policyOids(), daysLeft));

        Map<String, String> titles = evaluation.facts(CertificateType.class).stream()
                .collect(Collectors.toMap(CertificateType::code, CertificateType::title, (a, b) -> a));
        List<Conclusion<HeldType>> types = evaluation.all(HeldType.class);
        Set<String> heldTypes = types.stream().map(c -> c.fact().type()).collect(Collectors.toSet());
        List<Acceptance> acceptances = evaluation.facts(Acceptance.class);
        List<CertificateCheck.AgencyVerdict> verdicts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String agency : choice.agencies()) {
            List<String> accepted = acceptances.stream().filter(a -> a.agency().equals(agency))
                    .map(Acceptance::type).distinct().toList();
            boolean accepts = accepted.stream().anyMatch(heldTypes::contains);
            if (!accepts && !accepted.isEmpty()) {
                missing.add(agency);
            }
            verdicts.add(new CertificateCheck.AgencyVerdict(agency, accepts, accepts ? "accepts it"
                    : accepted.isEmpty() ? "takes no ECA certificate at all"
                    : "accepts only " + String.join(" or ", accepted.stream().map(t -> titles.getOrDefault(t, t)).toList())));
        }
        boolean expired = daysLeft < 0;
        String verdict;
        String summary;
        List<String> toBuyFor;
        if (heldTypes.isEmpty()) {
            verdict = "not-eca";
            summary = "This is not an ECA certificate of a type agencies accept: it carries none of the ECA"
                    + " certificate policies. Buy the certificate recommended below.";
            toBuyFor = choice.agencies();
        } else if (expired) {
            verdict = "expired";
            summary = "This certificate has expired and cannot be renewed. Buy the certificate recommended below.";
            toBuyFor = choice.agencies();
        } else if (missing.isEmpty()) {
            verdict = "covers";
            summary = "The certificate you have works for every selected application that takes ECA certificates."
                    + " There is nothing to buy.";
            toBuyFor = List.of();
        } else {
            verdict = "misses";
            summary = "The certificate you have does not work for " + String.join(", ", missing)
                    + ". For those, buy the certificate recommended below.";
            toBuyFor = missing;
        }
        Recommendation forMissing = toBuyFor.isEmpty() ? null
                : advisor.recommend(ruleset, new Choice(toBuyFor, choice.residesInUs()), false);
        Conclusion<Renewal> renewal = evaluation.all(Renewal.class).stream().findFirst().orElse(null);
        return new CertificateCheck(verdict, summary, held.subject(), held.issuer(), held.notBefore(),
                held.notAfter(), daysLeft, held.certificatesInFile(),
                types.stream().map(c -> new CertificateCheck.HeldTypeAnswer(c.fact().type(),
                        titles.getOrDefault(c.fact().type(), c.fact().type()), c.fact().oid(), c.rule())).toList(),
                verdicts, missing, forMissing,
                renewal == null ? null : new CertificateCheck.RenewalAnswer(renewal.fact().advice(),
                        renewal.fact().source(), renewal.rule()),
                evaluation.all(Warning.class).stream()
                        .map(c -> new Recommendation.WarningAnswer(c.fact().text(), c.fact().source(), c.rule()))
                        .toList(),
                ruleset.version());
    }
}
