package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.ecawizard.facts.CertificateNote;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.HeldVerdict;
import org.ecawizard.facts.Renewal;
import org.ecawizard.facts.Warning;

/**
 * Whether a certificate the buyer holds works for the selected applications, and what to do; every verdict is a
 * rule's conclusion.
 *
 * @param verdict                  {@code covers}, {@code unconfirmed} (some application's source is silent about
 *                                 its type), {@code misses}, {@code expired}, {@code not-eca} (no valid path to an
 *                                 ECA root, or none of the three types on it) or {@code not-needed}
 * @param summary                  what the verdict means, as a buyer reads it
 * @param subject                  the certificate's subject, as a distinguished name (RFC 2253)
 * @param issuer                   the certificate's issuer, as a distinguished name (RFC 2253)
 * @param notBefore                the first instant it is valid, ISO-8601 in UTC
 * @param notAfter                 the last instant it is valid, ISO-8601 in UTC
 * @param daysLeft                 whole days until it expires, counted from the check; negative once it has
 * @param certificatesInFile       how many certificates the file held: the leaf is checked, the others may be
 *                                 the CAs on its path
 * @param issuingCa                the ECA CA that issued it, on a valid path to an ECA root; null (absent in JSON)
 *                                 when no such path exists
 * @param root                     the ECA root that path ends at; null (absent in JSON) when there is none
 * @param types                    the ECA types of the policy OIDs valid on that path, each with its OID; empty when
 *                                 none is
 * @param agencies                 each selected application's verdict on it, with why and the source
 * @param missing                  the selected applications a certificate is still to be bought for
 * @param recommendationForMissing what to buy for them; null (absent in JSON) when there are none
 * @param renewal                  what renewal allows; null (absent in JSON) when no rule says
 * @param notes                    what the buyer should know about the certificate, each with its source
 * @param warnings                 what a buyer should know of the selected applications, as an answer says it
 *                                 (retired, not confirmed, read by the wizard, notices)
 * @param rulesetVersion           the ruleset that answered
 */
public record CertificateCheck(String verdict, String summary, String subject, String issuer, Instant notBefore,
                               Instant notAfter, long daysLeft, int certificatesInFile,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String issuingCa,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String root,
                               List<Conclusion<HeldType>> types, List<Conclusion<HeldVerdict>> agencies,
                               List<String> missing,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Recommendation recommendationForMissing,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Conclusion<Renewal> renewal,
                               List<Conclusion<CertificateNote>> notes, List<Conclusion<Warning>> warnings,
                               String rulesetVersion) {
}
