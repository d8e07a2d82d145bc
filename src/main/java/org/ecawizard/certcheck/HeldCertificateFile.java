package org.ecawizard.certcheck;

import java.time.Instant;
import java.util.List;

/**
 * What was read from an uploaded certificate file: the leaf certificate's names, dates and policy OIDs.
 *
 * @param certificatesInFile how many certificates the file held (a chain); only the leaf is checked
 */
public record HeldCertificateFile(String subject, String issuer, Instant notBefore, Instant notAfter,
                                  List<String> policyOids, int certificatesInFile) {
}
