package org.ecawizard.engine.internal.ruleset;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The ECA CA certificates a ruleset trusts, read from its {@code trust/} folder: the roots (signed by themselves)
 * that a held certificate's path must end at, and the CAs between.
 *
 * @param certificates every CA certificate of the folder, in file order
 */
public record TrustStore(List<X509Certificate> certificates) {

    /** The folder of a ruleset that holds the trusted CA certificates, one PEM file each. */
    public static final String FOLDER = "trust/";
    /** The longest path from a CA to its root that is followed: ECA paths have one CA under the root. */
    private static final int MAX_DEPTH = 8;

    /**
     * Keeps the certificates in file order, unmodifiable.
     *
     * @param certificates every CA certificate of the folder, in file order
     */
    public TrustStore {
        certificates = List.copyOf(certificates);
    }

    /** @return the roots: the certificates signed by themselves */
    public List<X509Certificate> roots() {
        return certificates.stream().filter(TrustStore::selfSigned).toList();
    }

    /** @return the CAs under the roots */
    public List<X509Certificate> intermediates() {
        return certificates.stream().filter(certificate -> !selfSigned(certificate)).toList();
    }

    /**
     * @param commonName a CA's common name, e.g. {@code IdenTrust ECA S23}
     * @return its certificate, when the store holds one of that name
     */
    public Optional<X509Certificate> named(String commonName) {
        return certificates.stream().filter(certificate -> commonName.equals(commonName(certificate))).findFirst();
    }

    /**
     * @param certificate a certificate of the store
     * @return the root of the store it leads to, CA by CA, when there is one
     */
    public Optional<X509Certificate> rootOf(X509Certificate certificate) {
        X509Certificate current = certificate;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            if (selfSigned(current)) {
                return Optional.of(current);
            }
            current = issuerOf(current, certificates).orElse(null);
        }
        return Optional.empty();
    }

    /**
     * @param certificate a certificate
     * @param candidates  the certificates that may have issued it
     * @return the one that bears its issuer's name and whose key verifies its signature
     */
    public static Optional<X509Certificate> issuerOf(X509Certificate certificate,
                                                     Collection<X509Certificate> candidates) {
        return candidates.stream()
                .filter(candidate -> candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(candidate -> signedBy(certificate, candidate))
                .findFirst();
    }

    /**
     * @param certificate a certificate
     * @param issuer      the certificate that may have issued it
     * @return whether the key of {@code issuer} verifies the signature of {@code certificate}
     */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param certificate a certificate
     * @return whether it names itself as its issuer and its own key verifies it
     */
    public static boolean selfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && signedBy(certificate, certificate);
    }

    /**
     * @param certificate a certificate
     * @return the common name of its subject, or its whole subject when it has none
     */
    public static String commonName(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    /**
     * @param certificate a certificate
     * @return the common name of its issuer, or the issuer's whole name when it has none
     */
    public static String issuerName(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()));
    }

    private static String commonName(X500Name name) {
        return Arrays.stream(name.getRDNs())
                .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
                .filter(value -> value.getType().equals(BCStyle.CN))
                .map(AttributeTypeAndValue::getValue)
                .map(value -> value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value))
                .reduce((first, last) -> last)
                .orElse(name.toString());
    }

    /**
     * @param certificate a certificate
     * @return the last day of its validity, {@code yyyy-mm-dd} (UTC)
     */
    public static String lastDay(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * @param certificate a certificate
     * @return the first day of its validity, {@code yyyy-mm-dd} (UTC)
     */
    public static String firstDay(X509Certificate certificate) {
        return certificate.getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * @param certificate a certificate
     * @return the SHA-256 of its encoding, upper-case hexadecimal without separators, as SOURCES.md lists it
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
