package org.ecawizard.engine.internal.certificates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecawizard.engine.CertificateRefusedException;

/**
 * Reads an uploaded public certificate, PEM or DER, with the JDK's X.509 parser: the held one and any CA
 * certificates sent with it. A file that holds a private key is refused, whatever else it holds.
 */
public final class CertificateReader {

    private CertificateReader() {
    }

    /**
     * @param file the uploaded file: PEM (one certificate or a chain) or DER
     * @return the end entity's certificate as read, with the others of the file
     * @throws CertificateRefusedException when the file is no readable public certificate, or holds a private key
     */
    public static HeldCertificate read(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        if (text.toUpperCase(Locale.ROOT).contains("PRIVATE KEY")) {
            throw new CertificateRefusedException("private-key", "Private key refused",
                    "The file contains a private key. Send only the public certificate (the part between"
                            + " BEGIN CERTIFICATE and END CERTIFICATE), and keep the private key to yourself.");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (var certificate : x509.generateCertificates(new ByteArrayInputStream(file))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException | RuntimeException e) {
            throw unreadable();
        }
        if (certificates.isEmpty()) {
            throw unreadable();
        }
        X509Certificate leaf = leaf(certificates);
        List<X509Certificate> leafFirst = new ArrayList<>(List.of(leaf));
        certificates.stream().filter(certificate -> certificate != leaf).forEach(leafFirst::add);
        return new HeldCertificate(leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leafFirst);
    }

    /** The certificate that issued none of the others: the end entity of a chain, in whatever order it came. */
    private static X509Certificate leaf(List<X509Certificate> certificates) {
        return certificates.stream()
                .filter(candidate -> certificates.stream().noneMatch(other -> other != candidate
                        && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())))
                .findFirst()
                .orElse(certificates.get(0));
    }

    private static CertificateRefusedException unreadable() {
        return new CertificateRefusedException("unreadable-certificate", "Unreadable certificate",
                "The file is not an X.509 certificate in PEM or DER form (or it is cut short). Send the .cer, .crt"
                        + " or .pem file of your certificate, or paste the text from BEGIN CERTIFICATE to END CERTIFICATE.");
    }
}
