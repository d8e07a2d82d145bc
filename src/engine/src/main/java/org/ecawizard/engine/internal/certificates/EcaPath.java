package org.ecawizard.engine.internal.certificates;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PolicyNode;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.ecawizard.engine.internal.ruleset.TrustStore;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.OffEcaChain;

/**
 * Finds a held certificate's path to an ECA root with the JDK's PKIX path builder. The roots of the ruleset's trust
 * store are the only anchors and its CAs the only ones a path may go through, as the sources list them; CA
 * certificates uploaded with the held one only help to say why there is no path. Signatures, names, CA constraints,
 * validity and certificate policies are checked (anyPolicy stands for no policy); revocation is not (it needs the
 * network). The policies read are those valid on the path, not whatever the certificate asserts.
 */
final class EcaPath {

    /** The longest chain of CAs followed to say why there is no path. */
    private static final int MAX_DEPTH = 8;
    /** How far the issuer's clock may run ahead of this one's: a certificate a moment old is valid. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private EcaPath() {
    }

    /**
     * @param store    the CAs to trust
     * @param uploaded the certificates of the uploaded file, the held one first
     * @param now      the time of the check
     * @return the path's facts, or why there is none
     */
    static HeldFacts read(TrustStore store, List<X509Certificate> uploaded, Instant now) {
        X509Certificate leaf = uploaded.get(0);
        long daysLeft = daysLeft(leaf.getNotAfter().toInstant(), now);
        if (TrustStore.selfSigned(leaf)) {
            return off("it is signed by itself, not by an ECA CA", daysLeft);
        }
        if (leaf.getBasicConstraints() >= 0) {
            return off("it is the certificate of a CA, " + TrustStore.commonName(leaf) + ", not a person's", daysLeft);
        }
        Instant notBefore = leaf.getNotBefore().toInstant();
        if (now.isBefore(notBefore.minus(CLOCK_SKEW))) {
            return off("it is not valid before " + TrustStore.firstDay(leaf), daysLeft);
        }
        // An expired certificate is judged when it was last valid: its own expiry is the rules' "expired". One
        // issued a moment ago is judged from its first second, whatever the two clocks say.
        Instant at = now.isAfter(leaf.getNotAfter().toInstant()) ? leaf.getNotAfter().toInstant().minusSeconds(1)
                : now.isBefore(notBefore) ? notBefore : now;
        if (store.roots().isEmpty()) {
            return off("the wizard's rules hold no ECA root to check it against", daysLeft);
        }
        try {
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters(store, leaf, at));
            List<? extends java.security.cert.Certificate> certificates = path.getCertPath().getCertificates();
            X509Certificate root = path.getTrustAnchor().getTrustedCert();
            X509Certificate issuing = certificates.size() > 1 ? (X509Certificate) certificates.get(1) : root;
            return new HeldFacts(chain(issuing, root, now), null, policies(path.getPolicyTree(), certificates.size()),
                    daysLeft);
        } catch (CertPathBuilderException e) {
            return off(why(store, uploaded, leaf, at), daysLeft);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX path builder is not available", e);
        }
    }

    private static PKIXBuilderParameters parameters(TrustStore store, X509Certificate leaf, Instant at)
            throws GeneralSecurityException {
        Set<TrustAnchor> anchors = store.roots().stream().map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toSet());
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        // ECA certificates may carry a CPS pointer in a policy; that is no reason to refuse them.
        parameters.setPolicyQualifiersRejected(false);
        // A certificate that asserts anyPolicy names no ECA type: it must not take on every policy of its CA.
        parameters.setAnyPolicyInhibited(true);
        parameters.setDate(Date.from(at));
        parameters.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(store.intermediates())));
        return parameters;
    }

    /** The path's facts: its issuing CA and root, and when each ends. */
    static HeldChain chain(X509Certificate issuing, X509Certificate root, Instant now) {
        return new HeldChain(TrustStore.commonName(issuing), TrustStore.lastDay(issuing),
                daysLeft(issuing.getNotAfter().toInstant(), now), TrustStore.commonName(root),
                TrustStore.lastDay(root), daysLeft(root.getNotAfter().toInstant(), now));
    }

    /** The policies the policy tree holds valid for the certificate at the end of the path (at {@code depth}). */
    private static List<String> policies(PolicyNode tree, int depth) {
        if (tree == null) {
            return List.of();
        }
        List<PolicyNode> level = List.of(tree);
        for (int i = 0; i < depth; i++) {
            level = level.stream().flatMap(EcaPath::children).toList();
        }
        return level.stream().map(PolicyNode::getValidPolicy).distinct().sorted().toList();
    }

    private static Stream<PolicyNode> children(PolicyNode node) {
        List<PolicyNode> children = new ArrayList<>();
        node.getChildren().forEachRemaining(children::add);
        return children.stream();
    }

    /**
     * Walks up from the certificate, CA by CA of the store (an uploaded CA names where the path leaves the store),
     * to say where the path breaks; when every CA up to a root is there and valid, asks the path validator why.
     */
    private static String why(TrustStore store, List<X509Certificate> uploaded, X509Certificate leaf, Instant at) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            String holder = current == leaf ? "it" : TrustStore.commonName(current);
            X509Certificate signer = signer(current, store, at);
            if (signer == null) {
                X509Certificate outside = TrustStore.issuerOf(current, uploaded).orElse(null);
                X500Principal issuer = current.getIssuerX500Principal();
                boolean named = store.certificates().stream()
                        .anyMatch(ca -> ca.getSubjectX500Principal().equals(issuer));
                if (named) {
                    return (current == leaf ? "its" : holder + "'s") + " signature does not verify with the key of "
                            + TrustStore.issuerName(current) + ", the ECA CA it names as its issuer";
                }
                return (current == leaf ? "it was issued by " : holder + " was issued by ")
                        + TrustStore.issuerName(current) + (outside != null && TrustStore.selfSigned(outside)
                        ? ", a root" : ", a CA") + " the wizard's ECA trust store does not hold";
            }
            if (at.isAfter(signer.getNotAfter().toInstant())) {
                return (current == leaf ? "its issuing CA's certificate (" + TrustStore.commonName(signer) + ")"
                        : "the certificate of " + TrustStore.commonName(signer) + ", on its path,")
                        + " expired on " + TrustStore.lastDay(signer);
            }
            if (at.isBefore(signer.getNotBefore().toInstant())) {
                return "the certificate of " + TrustStore.commonName(signer) + ", on its path, is not valid before "
                        + TrustStore.firstDay(signer);
            }
            if (TrustStore.selfSigned(signer)) {
                return invalid(path, signer, at);
            }
            path.add(signer);
            current = signer;
        }
        return "it does not lead to an ECA root within " + MAX_DEPTH + " CAs";
    }

    /** The CA of the store that signed the certificate; of two certificates of one CA, one valid at {@code at}. */
    private static X509Certificate signer(X509Certificate certificate, TrustStore store, Instant at) {
        List<X509Certificate> signers = store.certificates().stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(ca -> TrustStore.signedBy(certificate, ca))
                .toList();
        return signers.stream().filter(ca -> !at.isBefore(ca.getNotBefore().toInstant())
                        && !at.isAfter(ca.getNotAfter().toInstant()))
                .findFirst().orElse(signers.isEmpty() ? null : signers.get(0));
    }

    /** What the validator finds wrong with a path whose every CA is in the store and valid. */
    private static String invalid(List<X509Certificate> path, X509Certificate root, Instant at) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setPolicyQualifiersRejected(false);
            parameters.setAnyPolicyInhibited(true);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return "no path to " + TrustStore.commonName(root) + " could be built";
        } catch (CertPathValidatorException e) {
            String which = e.getIndex() <= 0 ? "it" : "the certificate of "
                    + TrustStore.commonName(path.get(e.getIndex()));
            if (e.getReason() == PKIXReason.INVALID_POLICY) {
                return "none of its certificate policies is one its ECA CA may issue under, so its path to "
                        + TrustStore.commonName(root) + " is not valid";
            }
            if (e.getReason() == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
                return which + " carries a critical extension the check does not know, so its path to "
                        + TrustStore.commonName(root) + " is not valid";
            }
            return "its path to " + TrustStore.commonName(root) + " is not valid ("
                    + e.getReason().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX path validator is not available", e);
        }
    }

    private static HeldFacts off(String why, long daysLeft) {
        return new HeldFacts(null, new OffEcaChain(why), List.of(), daysLeft);
    }

    /** Whole days to {@code notAfter}; any time past it counts as at least -1. */
    static long daysLeft(Instant notAfter, Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        return notAfter.isBefore(now) ? Math.min(days, -1) : days;
    }
}
