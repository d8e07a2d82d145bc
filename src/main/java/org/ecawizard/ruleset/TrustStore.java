package org.ecawizard.ruleset;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x500.style.RFC4519Style;

/**
 * The ECA CA certificates a ruleset trusts, read from its {@code trust/} folder: the roots (signed by themselves)
 * that a held certificate's path must end at, and the CAs between.
 *
 * @param certificates every CA certificate of the folder, in file order
 */
public record TrustStore(List<X509Certificate> certificates) {

    /** The folder of a ruleset that holds the trusted CA certificates, one PEM file each. */
    public static final String FOLDER = "trust/";

    public TrustStore {
        certificates = List.copyOf(certificates);
    }

    /** @return the roots: the certificates signed by themselves */
    public List<X509Certificate> roots() {
        return certificates.stream().filter(TrustStore::selfIssued).toList();
    }

    /** @return the CAs under the roots */
    public List<X509Certificate> intermediates() {
        return certificates.stream().filter(certificate -> !selfIssued(certificate)).toList();
    }

    /**
     * @param commonName a CA's common name, e.g. {@code IdenTrust ECA S23}
     * @return its certificate, when the store holds one of that name
     */
    public Optional<X509Certificate> named(String commonName) {
        return certificates.stream().filter(certificate -> commonName.equals(commonName(certificate))).findFirst();
    }

    /**
     * @param certificate a certificate
     * @return the common name of its subject, or its whole subject when it has none
     */
    public static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal().getName());
    }

    /**
     * @param distinguishedName an X.500 name as RFC 2253 writes it
     * @return its common name, or the whole name when it has none
     */
    public static String commonName(String distinguishedName) {
        RDN[] names = new X500Name(RFC4519Style.INSTANCE, distinguishedName).getRDNs(RFC4519Style.cn);
        return names.length == 0 ? distinguishedName
                : IETFUtils.valueToString(names[names.length - 1].getFirst().getValue());
    }

    /** @return whether the certificate names itself as its issuer */
    public static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
