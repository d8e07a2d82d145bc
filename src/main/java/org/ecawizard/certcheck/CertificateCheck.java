package org.ecawizard.certcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.facts.CertificateNote;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.HeldVerdict;
import org.ecawizard.facts.Renewal;
import org.ecawizard.facts.Warning;
import org.ecawizard.ruleset.Conclusion;

/**
 * Whether a certificate the buyer holds works for the selected applications, and what to do; every verdict is a
 * rule's conclusion.
 *
 * @param verdict                  {@code covers}, {@code unconfirmed} (some application's source is silent about
 *                                 its type), {@code misses}, {@code expired}, {@code not-eca} or {@code not-needed}
 * @param certificatesInFile       how many certificates the file held; only the leaf is checked
 * @param agencies                 each selected application's verdict on it, with why and the source
 * @param missing                  the selected applications a certificate is still to be bought for
 * @param recommendationForMissing what to buy for them; null (absent in JSON) when there are none
 * @param renewal                  what renewal allows; null (absent in JSON) when no rule says
 * @param warnings                 what a buyer should know of the selected applications, as an answer says it
 *                                 (retired, not confirmed, read by the wizard, notices)
 */
public record CertificateCheck(String verdict, String summary, String subject, String issuer, Instant notBefore,
                               Instant notAfter, long daysLeft, int certificatesInFile,
                               List<Conclusion<HeldType>> types, List<Conclusion<HeldVerdict>> agencies,
                               List<String> missing,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Recommendation recommendationForMissing,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Conclusion<Renewal> renewal,
                               List<Conclusion<CertificateNote>> notes, List<Conclusion<Warning>> warnings,
                               String rulesetVersion) {
}
