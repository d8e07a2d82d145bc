package org.ecawizard.certcheck;

import java.time.Instant;
import java.util.List;
import org.ecawizard.advice.Recommendation;

/**
 * Whether a certificate the buyer holds works for the selected applications, and what to do.
 *
 * @param verdict                 {@code covers}, {@code misses} (some applications do not take it),
 *                                {@code expired} or {@code not-eca}
 * @param certificatesInFile      how many certificates the file held; only the leaf is checked
 * @param recommendationForMissing what to buy for the applications it misses (or for all, when expired or not
 *                                an ECA certificate); null when it covers everything
 */
public record CertificateCheck(String verdict, String summary, String subject, String issuer, Instant notBefore,
                               Instant notAfter, long daysLeft, int certificatesInFile, List<HeldTypeAnswer> types,
                               List<AgencyVerdict> agencies, List<String> missing,
                               Recommendation recommendationForMissing, RenewalAnswer renewal,
                               List<Recommendation.WarningAnswer> warnings, String rulesetVersion) {

    /** An ECA type the certificate is, by which policy OID and which rule. */
    public record HeldTypeAnswer(String type, String title, String oid, String rule) {
    }

    /** Whether one selected application takes the certificate, and why not. */
    public record AgencyVerdict(String agency, boolean accepts, String why) {
    }

    public record RenewalAnswer(String advice, String source, String rule) {
    }
}
