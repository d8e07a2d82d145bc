package org.ecawizard.engine.internal.certificates;

import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.CertificateCheck;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Evaluation;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.facts.CertificateNote;
import org.ecawizard.facts.CheckVerdict;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.HeldVerdict;
import org.ecawizard.facts.Renewal;
import org.ecawizard.facts.StillNeeded;
import org.ecawizard.facts.Warning;

/**
 * Checks a held certificate against a selection: its path to an ECA root of the ruleset's trust store (or why there
 * is none), the policy OIDs valid on that path and its days left go in as facts; the rules say whether it is an ECA
 * certificate, which type it is, what each selected application makes of it, what that means for the selection and what
 * renewal allows. The applications it does not reach get a recommendation of their own.
 */
public class CertificateChecker {

    private final Recommender recommender;
    private final Clock clock;

    /**
     * @param recommender answers for the applications a held certificate misses
     * @param clock   the time a certificate's path and days left are judged at
     */
    public CertificateChecker(Recommender recommender, Clock clock) {
        this.recommender = recommender;
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
        HeldFacts facts = EcaPath.read(ruleset.trustStore(), held.certificates(), clock.instant());
        return read(ruleset, choice, held, facts, evaluate(ruleset, choice, facts));
    }

    /**
     * Runs the rules on the selection and what is known of the held certificate.
     *
     * @param ruleset the ruleset to run
     * @param choice  the applications and the buyer's residency
     * @param held    its path to an ECA root (or why none), the policies valid on it, its days left
     * @return what the rules concluded
     * @throws org.ecawizard.engine.UnknownAgencyException when a code is not in the ruleset's catalog
     */
    public Evaluation evaluate(Ruleset ruleset, Choice choice, HeldFacts held) {
        return recommender.evaluate(ruleset, choice, held.facts());
    }

    /**
     * The check as the rules concluded it in {@code evaluation}; what it misses gets a recommendation.
     *
     * @param ruleset    the ruleset that was run
     * @param choice     the applications and the buyer's residency
     * @param held       the certificate as read
     * @param facts      what the rules were told of it
     * @param evaluation what the rules concluded (see {@link #evaluate})
     * @return the check
     */
    public CertificateCheck read(Ruleset ruleset, Choice choice, HeldCertificate held, HeldFacts facts,
                                 Evaluation evaluation) {
        Conclusion<CheckVerdict> verdict = evaluation.all(CheckVerdict.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule of ruleset " + ruleset.version()
                        + " concluded a CheckVerdict for " + choice.agencies()));
        List<String> missing = choice.agencies().stream()
                .filter(agency -> evaluation.facts(StillNeeded.class).contains(new StillNeeded(agency)))
                .toList();
        Recommendation forMissing = missing.isEmpty() ? null
                : recommender.recommend(ruleset, new Choice(missing, choice.residesInUs(), choice.usCitizen()), false);
        HeldChain chain = facts.chain();
        return new CertificateCheck(verdict.fact().verdict(), verdict.fact().summary(), held.subject(), held.issuer(),
                held.notBefore(), held.notAfter(), facts.daysLeft(), held.certificatesInFile(),
                chain == null ? null : chain.ca(), chain == null ? null : chain.root(),
                evaluation.all(HeldType.class), evaluation.all(HeldVerdict.class), missing, forMissing,
                evaluation.all(Renewal.class).stream().findFirst().orElse(null),
                evaluation.all(CertificateNote.class), evaluation.all(Warning.class), ruleset.version());
    }
}
