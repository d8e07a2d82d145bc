package org.ecawizard.certcheck;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for the tests: an issuing CA and leaves with chosen ECA policy OIDs and validity. */
public final class TestCertificates {

    public static final String ECA = "2.16.840.1.101.3.2.1.12.";
    private static final AtomicLong SERIAL = new AtomicLong(1);

    final KeyPair caKey = keyPair();
    final X509Certificate ca = issue("CN=Test ECA Root", "CN=Test ECA Root", caKey, caKey,
            Instant.now().minus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(3650)));
    final KeyPair leafKey = keyPair();

    /** A person's certificate from the test CA, with these policy OID suffixes of the ECA arc. */
    X509Certificate leaf(Instant notAfter, String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", "CN=Test ECA Root", leafKey, caKey,
                Instant.now().minus(Duration.ofDays(30)), notAfter, ecaPolicySuffixes);
    }

    public X509Certificate leaf(String... ecaPolicySuffixes) {
        return leaf(Instant.now().plus(Duration.ofDays(700)), ecaPolicySuffixes);
    }

    public static String pem(X509Certificate... certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(leafKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static X509Certificate issue(String subject, String issuer, KeyPair subjectKey, KeyPair issuerKey,
                                         Instant notBefore, Instant notAfter, String... ecaPolicySuffixes) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name(subject), subjectKey.getPublic());
            if (ecaPolicySuffixes.length > 0) {
                PolicyInformation[] policies = new PolicyInformation[ecaPolicySuffixes.length];
                for (int i = 0; i < policies.length; i++) {
                    policies[i] = new PolicyInformation(new ASN1ObjectIdentifier(ECA + ecaPolicySuffixes[i]));
                }
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
