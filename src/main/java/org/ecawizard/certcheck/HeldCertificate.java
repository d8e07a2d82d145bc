package org.ecawizard.certcheck;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The certificate the buyer holds, as read from the file they gave: the leaf's names and dates, and every
 * certificate of the file, the leaf first (the others may be the CAs above it).
 */
public record HeldCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                              List<X509Certificate> certificates) {

    public HeldCertificate {
        certificates = List.copyOf(certificates);
    }

    /** @return how many certificates the file held */
    public int certificatesInFile() {
        return certificates.size();
    }
}
