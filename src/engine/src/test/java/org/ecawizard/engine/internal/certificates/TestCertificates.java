package org.ecawizard.engine.internal.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.engine.internal.ruleset.TrustStore;

/**
 * A throw-away PKI made for the tests, shaped as the ECA PKI is: a root, an issuing CA under it that asserts the ECA
 * policies, and leaves from it with chosen ECA policies and validity; beside it, what is not ECA: a CA that has
 * expired, a root no trust store holds, a certificate signed by itself. {@link #rules()} is the shipped ruleset with
 * this root and its CAs added to its trust store.
 */
public final class TestCertificates {

    public static final String ECA = "2.16.840.1.101.3.2.1.12.";
    /** anyPolicy, which a certificate may assert in place of an ECA policy suffix. */
    public static final String ANY_POLICY = "2.5.29.32.0";
    /** The issuing CA's name; the tests' ruleset says IdenTrust runs it, so renewal advice is IdenTrust's. */
    public static final String ISSUING_CA = "Test ECA Issuing CA";
    private static final String[] ALL_ECA = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    private static final AtomicLong SERIAL = new AtomicLong(1);
    /** The PKI of this test run: the ruleset of {@link #rules()} trusts its root. */
    public static final TestCertificates PKI = new TestCertificates();
    private static Path rules;

    final KeyPair rootKey = keyPair();
    final X509Certificate root = issue("CN=Test ECA Root, OU=ECA, O=Example Test PKI", null, rootKey, rootKey,
            ago(10), later(7300), -1, new String[0]);
    final KeyPair caKey = keyPair();
    /** The issuing CA, under the root. */
    public final X509Certificate ca = issue("CN=" + ISSUING_CA + ", OU=ECA, O=Example Test PKI", root, caKey, rootKey,
            ago(10), later(3650), 0, ALL_ECA);
    final KeyPair expiredCaKey = keyPair();
    /** A CA under the root whose certificate expired yesterday. */
    public final X509Certificate expiredCa = issue("CN=Test Expired ECA CA, OU=ECA, O=Example Test PKI", root,
            expiredCaKey, rootKey, ago(400), ago(1), 0, ALL_ECA);
    final KeyPair otherRootKey = keyPair();
    public final X509Certificate otherRoot = issue("CN=Test Unknown Root, O=Example Other PKI", null, otherRootKey,
            otherRootKey, ago(10), later(3650), -1, new String[0]);
    final KeyPair leafKey = keyPair();

    /** A person's certificate from the issuing CA, with these policy OID suffixes of the ECA arc. */
    public X509Certificate leaf(Instant notAfter, String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", ca, leafKey, caKey, ago(30), notAfter, -2, ecaPolicySuffixes);
    }

    public X509Certificate leaf(String... ecaPolicySuffixes) {
        return leaf(later(700), ecaPolicySuffixes);
    }

    /** A person's certificate from the issuing CA that is valid only from {@code notBefore} on. */
    public X509Certificate leafValidFrom(Instant notBefore, String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", ca, leafKey, caKey, notBefore, later(700), -2,
                ecaPolicySuffixes);
    }

    /** A person's certificate, valid for 300 more days, from the CA that expired yesterday. */
    public X509Certificate leafOfExpiredCa(String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", expiredCa, leafKey, expiredCaKey, ago(30), later(300), -2,
                ecaPolicySuffixes);
    }

    /** A person's certificate from the CA that expired yesterday, which itself expired ten days ago. */
    public X509Certificate expiredLeafOfExpiredCa(String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", expiredCa, leafKey, expiredCaKey, ago(300), ago(10), -2,
                ecaPolicySuffixes);
    }

    /** A person's certificate from a root no trust store holds. */
    public X509Certificate leafOfUnknownCa(String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", otherRoot, leafKey, otherRootKey, ago(30), later(700), -2,
                ecaPolicySuffixes);
    }

    /** A person's certificate signed by itself, as one {@code openssl req -x509} line makes it. */
    public X509Certificate selfSigned(String... ecaPolicySuffixes) {
        return issue("CN=Pat Buyer, O=Example Supplier", null, leafKey, leafKey, ago(1), later(365), -2,
                ecaPolicySuffixes);
    }

    /**
     * The shipped rules with this run's test root and CAs in the trust store (and their rows in SOURCES.md),
     * and a wizard file that says IdenTrust runs the test issuing CA; made once per test run, deleted at its end.
     */
    public static synchronized Path rules() {
        if (rules == null) {
            try {
                Path dir = Files.createTempDirectory("eca-rules-test-pki-");
                ShippedRules.copyTo(dir);
                PKI.installInto(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        ShippedRules.deleteTree(dir);
                    } catch (IOException e) {
                        // A temporary directory the system clears anyway.
                    }
                }));
                rules = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules;
    }

    /**
     * Adds the root, the issuing CA and the expired CA to the trust store of the rules in {@code dir}, as an analyst
     * adds a CA.
     */
    public void installInto(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("trust"));
        StringBuilder rows = new StringBuilder("""

                ## The tests' own PKI

                | file | certificate | issued by | valid | SHA-256 | page |
                |---|---|---|---|---|---|
                """);
        for (X509Certificate certificate : new X509Certificate[] {root, ca, expiredCa}) {
            String name = TrustStore.commonName(certificate);
            String file = name.replace(' ', '_') + ".pem";
            Files.writeString(dir.resolve("trust").resolve(file), pem(certificate));
            rows.append("| ").append(file).append(" | ").append(name).append(" | ")
                    .append(TrustStore.issuerName(certificate)).append(" | ")
                    .append(TrustStore.firstDay(certificate)).append(" to ").append(TrustStore.lastDay(certificate))
                    .append(" | ").append(TrustStore.fingerprint(certificate)).append(" | https://example.org/test |\n");
        }
        Files.writeString(dir.resolve("sources/SOURCES.md"), rows, StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("wizard/test-issuers.drl"), """
                package wizard;

                import org.ecawizard.facts.IssuingCa;

                import org.ecawizard.facts.HeldChain;

                rule "The tests' issuing CA is run by IdenTrust"
                when
                    exists HeldChain()
                then
                    insert(new IssuingCa("%s", "IdenTrust", "https://example.org/test"));
                end
                """.formatted(ISSUING_CA));
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

    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(leafKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static Instant ago(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private static Instant later(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    /**
     * @param issuer   the issuing certificate; null for one signed by itself
     * @param pathLength the CA's path length constraint; -1 for a CA without one, -2 for an end entity
     */
    private static X509Certificate issue(String subject, X509Certificate issuer, KeyPair subjectKey,
                                         KeyPair issuerKey, Instant notBefore, Instant notAfter, int pathLength,
                                         String[] ecaPolicySuffixes) {
        try {
            X500Name issuerName = issuer == null ? new X500Name(subject)
                    : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name(subject), subjectKey.getPublic());
            if (pathLength > -2) {
                builder.addExtension(Extension.basicConstraints, true,
                        pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                if (pathLength == 0) {
                    // As the ECA issuing CAs: every certificate under it must carry a policy it issues under.
                    builder.addExtension(Extension.policyConstraints, true,
                            new PolicyConstraints(BigInteger.ZERO, null));
                }
            }
            if (ecaPolicySuffixes.length > 0) {
                PolicyInformation[] policies = new PolicyInformation[ecaPolicySuffixes.length];
                for (int i = 0; i < policies.length; i++) {
                    String oid = ecaPolicySuffixes[i].equals(ANY_POLICY) ? ANY_POLICY : ECA + ecaPolicySuffixes[i];
                    policies[i] = new PolicyInformation(new ASN1ObjectIdentifier(oid));
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
