package org.ecawizard.certcheck;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.facts.CertificateNote;
import org.ecawizard.facts.CheckVerdict;
import org.ecawizard.facts.HeldValidity;
import org.ecawizard.facts.HeldPolicy;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.HeldVerdict;
import org.ecawizard.facts.Renewal;
import org.ecawizard.facts.StillNeeded;
import org.ecawizard.facts.Warning;
import org.ecawizard.ruleset.Conclusion;
import org.ecawizard.ruleset.Evaluation;
import org.ecawizard.ruleset.Ruleset;

/**
 * Checks a held certificate against a selection: its policy OIDs and days left go in as facts; the rules say
 * which type it is, what each selected application makes of it, what that means for the selection and what
 * renewal allows. The applications it does not reach get a recommendation of their own.
 */
public class CertificateChecker {

    private final Advisor advisor;
    private final Clock clock;

    /**
     * @param advisor answers for the applications a held certificate misses
     * @param clock   today, for the certificate's days left
     */
    public CertificateChecker(Advisor advisor, Clock clock) {
        this.advisor = advisor;
        this.clock = clock;
    }

    /**
     * Whether a held certificate will do for a choice, as the rules conclude.
     *
     * @param ruleset the ruleset to ask
     * @param choice  the applications and the buyer's residency
     * @param held    the certificate as read
     * @return the verdict for each application, and what to buy for those it misses
     */
    public CertificateCheck check(Ruleset ruleset, Choice choice, HeldCertificate held) {
        long daysLeft = Duration.between(clock.instant(), held.notAfter()).toDays();
        if (held.notAfter().isBefore(clock.instant())) {
            daysLeft = Math.min(daysLeft, -1);
        }
        return read(ruleset, choice, held, daysLeft, evaluate(ruleset, choice, held.policyOids(), daysLeft));
    }

    /**
     * Runs the rules on the selection and the held certificate's policy OIDs and days left.
     *
     * @param ruleset    the ruleset to run
     * @param choice     the applications and the buyer's residency
     * @param policyOids the certificate policies the certificate asserts
     * @param daysLeft   the days until it expires; negative when it has
     * @return what the rules concluded
     * @throws org.ecawizard.advice.UnknownAgencyException when a code is not in the ruleset's catalog
     */
    public Evaluation evaluate(Ruleset ruleset, Choice choice, List<String> policyOids, long daysLeft) {
        List<Object> facts = new ArrayList<>();
        policyOids.forEach(oid -> facts.add(new HeldPolicy(oid)));
        facts.add(new HeldValidity(daysLeft));
        return advisor.evaluate(ruleset, choice, facts);
    }

    /**
     * The check as the rules concluded it in {@code evaluation}; what it misses gets a recommendation.
     *
     * @param ruleset    the ruleset that was run
     * @param choice     the applications and the buyer's residency
     * @param held       the certificate as read
     * @param daysLeft   the days until it expires
     * @param evaluation what the rules concluded (see {@link #evaluate})
     * @return the check
     */
    public CertificateCheck read(Ruleset ruleset, Choice choice, HeldCertificate held, long daysLeft,
                                 Evaluation evaluation) {
        Conclusion<CheckVerdict> verdict = evaluation.all(CheckVerdict.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule of ruleset " + ruleset.version()
                        + " concluded a CheckVerdict for " + choice.agencies()));
        List<String> missing = choice.agencies().stream()
                .filter(agency -> evaluation.facts(StillNeeded.class).contains(new StillNeeded(agency)))
                .toList();
        Recommendation forMissing = missing.isEmpty() ? null
                : advisor.recommend(ruleset, new Choice(missing, choice.residesInUs(), choice.usCitizen()), false);
        return new CertificateCheck(verdict.fact().verdict(), verdict.fact().summary(), held.subject(), held.issuer(),
                held.notBefore(), held.notAfter(), daysLeft, held.certificatesInFile(),
                evaluation.all(HeldType.class), evaluation.all(HeldVerdict.class), missing, forMissing,
                evaluation.all(Renewal.class).stream().findFirst().orElse(null),
                evaluation.all(CertificateNote.class), evaluation.all(Warning.class), ruleset.version());
    }
}
