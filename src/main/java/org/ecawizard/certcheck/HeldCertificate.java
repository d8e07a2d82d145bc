package org.ecawizard.certcheck;

import java.time.Instant;
import java.util.List;

/**
 * The certificate the buyer holds, as read from the file they gave: the leaf's names, dates and policy OIDs.
 *
 * @param certificatesInFile how many certificates the file held (a chain); only the leaf is checked
 */
public record HeldCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                                  List<String> policyOids, int certificatesInFile) {
}
