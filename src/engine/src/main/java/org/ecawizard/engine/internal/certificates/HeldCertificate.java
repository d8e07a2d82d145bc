package org.ecawizard.engine.internal.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The certificate the buyer holds, as read from the file they gave: the leaf's names and dates, and every
 * certificate of the file, the leaf first (the others may be the CAs above it).
 */
public record HeldCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                              List<X509Certificate> certificates) {

    /**
     * Keeps the certificates as they came, unmodifiable.
     *
     * @param subject      the leaf's subject
     * @param issuer       the leaf's issuer
     * @param notBefore    the first instant the leaf is valid
     * @param notAfter     the last instant the leaf is valid
     * @param certificates every certificate of the file, the leaf first
     */
    public HeldCertificate {
        certificates = List.copyOf(certificates);
    }

    /** @return how many certificates the file held */
    public int certificatesInFile() {
        return certificates.size();
    }
}
