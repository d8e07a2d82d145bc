package org.ecawizard.certcheck;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PolicyNode;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.OffEcaChain;
import org.ecawizard.ruleset.TrustStore;

/**
 * Finds a held certificate's path to an ECA root with the JDK's PKIX path builder: the roots of the ruleset's trust
 * store are the only anchors; its CAs, and any CA certificates uploaded with the certificate, the candidates between.
 * Signatures, names, CA constraints, validity and certificate policies are checked; revocation is not (it needs the
 * network). The policies read are those valid on the path, not whatever the certificate asserts.
 */
final class EcaPath {

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
        // The certificate is judged at a time it was valid: its own expiry is the rules' "expired", not "not ECA".
        Instant at = now.isAfter(leaf.getNotAfter().toInstant()) ? leaf.getNotAfter().toInstant().minusSeconds(1)
                : now.isBefore(leaf.getNotBefore().toInstant()) ? leaf.getNotBefore().toInstant() : now;
        if (TrustStore.selfIssued(leaf) && verifies(leaf, leaf)) {
            return off("it is signed by itself, not by an ECA CA", daysLeft);
        }
        if (leaf.getBasicConstraints() >= 0) {
            return off("it is the certificate of a CA, " + TrustStore.commonName(leaf) + ", not a person's", daysLeft);
        }
        if (store.roots().isEmpty()) {
            return off("the ruleset holds no ECA root to check it against", daysLeft);
        }
        try {
            PKIXCertPathBuilderResult path = build(store, uploaded, leaf, at);
            List<? extends java.security.cert.Certificate> certificates = path.getCertPath().getCertificates();
            X509Certificate root = path.getTrustAnchor().getTrustedCert();
            X509Certificate issuing = certificates.size() > 1 ? (X509Certificate) certificates.get(1) : root;
            return new HeldFacts(chain(issuing, root, now), null, policies(path.getPolicyTree(), certificates.size()), daysLeft);
        } catch (CertPathBuilderException e) {
            return off(why(store, uploaded, leaf, at, e), daysLeft);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX path builder is not available", e);
        }
    }

    private static PKIXCertPathBuilderResult build(TrustStore store, List<X509Certificate> uploaded,
                                                   X509Certificate leaf, Instant at) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = store.roots().stream().map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toSet());
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        // ECA certificates may carry a CPS pointer in a policy; that is no reason to refuse them.
        parameters.setPolicyQualifiersRejected(false);
        parameters.setDate(Date.from(at));
        List<X509Certificate> candidates = new ArrayList<>(store.intermediates());
        candidates.addAll(uploaded);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    /** The path's facts: its issuing CA and root, and when each ends. */
    static HeldChain chain(X509Certificate issuing, X509Certificate root, Instant now) {
        return new HeldChain(TrustStore.commonName(issuing), day(issuing), daysLeft(issuing, now),
                TrustStore.commonName(root), day(root), daysLeft(root, now));
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

    /** Walks up from the certificate by issuer name and signature, to say where the path breaks. */
    private static String why(TrustStore store, List<X509Certificate> uploaded, X509Certificate leaf, Instant at,
                              CertPathBuilderException failure) {
        List<X509Certificate> known = new ArrayList<>(store.certificates());
        known.addAll(uploaded);
        X509Certificate current = leaf;
        for (int depth = 0; depth < 8; depth++) {
            String issuerName = TrustStore.commonName(current.getIssuerX500Principal().getName());
            String subject = current == leaf ? "it" : TrustStore.commonName(current);
            if (TrustStore.selfIssued(current) && verifies(current, current)) {
                return "its path ends at " + subject + ", which is not an ECA root of the trust store";
            }
            X509Certificate holder = current;
            List<X509Certificate> named = known.stream()
                    .filter(ca -> ca.getSubjectX500Principal().equals(holder.getIssuerX500Principal())).toList();
            if (named.isEmpty()) {
                return (current == leaf ? "it was issued by " : subject + " was issued by ") + issuerName
                        + ", which is not an ECA CA of the trust store: it does not chain to an ECA root";
            }
            X509Certificate signer = named.stream().filter(ca -> verifies(holder, ca)).findFirst().orElse(null);
            if (signer == null) {
                return (current == leaf ? "its" : subject + "'s") + " signature does not verify with the key of "
                        + issuerName + ": it was not issued by that ECA CA";
            }
            if (at.isAfter(signer.getNotAfter().toInstant())) {
                return (current == leaf ? "its issuing CA's certificate (" : "the certificate of ")
                        + TrustStore.commonName(signer) + (current == leaf ? ")" : ", on its path,")
                        + " expired on " + day(signer);
            }
            if (at.isBefore(signer.getNotBefore().toInstant())) {
                return "it is dated before its issuing CA's certificate (" + TrustStore.commonName(signer)
                        + ") was valid";
            }
            if (store.roots().contains(signer)) {
                break;
            }
            current = signer;
        }
        return "it does not chain to an ECA root (" + failure.getMessage() + ")";
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static HeldFacts off(String why, long daysLeft) {
        return new HeldFacts(null, new OffEcaChain(why), List.of(), daysLeft);
    }

    private static String day(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static long daysLeft(X509Certificate certificate, Instant now) {
        return daysLeft(certificate.getNotAfter().toInstant(), now);
    }

    /** Whole days to {@code notAfter}; at least one day past it counts as -1. */
    static long daysLeft(Instant notAfter, Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        return notAfter.isBefore(now) ? Math.min(days, -1) : days;
    }
}
