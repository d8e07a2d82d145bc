package org.ecawizard.engine.internal.certificates;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.ecawizard.engine.internal.ruleset.TrustStore;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.HeldPolicy;
import org.ecawizard.facts.HeldValidity;
import org.ecawizard.facts.OffEcaChain;

/**
 * What the rules are told of a held certificate: the path that joins it to an ECA root, or why none does; the
 * certificate policies valid on that path; its days left.
 *
 * @param chain    the path to an ECA root; null when there is none
 * @param offChain why no path joins it to an ECA root; null when one does
 * @param policies the policy OIDs valid on the path, the leaf's; empty off the path
 * @param daysLeft the days until it expires; negative when it has
 */
public record HeldFacts(HeldChain chain, OffEcaChain offChain, List<String> policies, long daysLeft) {

    /**
     * A certificate is on a path or off one; off it, no policy holds.
     *
     * @param chain    the path to an ECA root; null when there is none
     * @param offChain why no path joins it to an ECA root; null when one does
     * @param policies the policy OIDs valid on the path
     * @param daysLeft the days until it expires; negative when it has
     */
    public HeldFacts {
        if ((chain == null) == (offChain == null)) {
            throw new IllegalArgumentException("a held certificate is either on an ECA path or off one");
        }
        policies = chain == null ? List.of() : List.copyOf(policies);
    }

    /**
     * What the rules are told of a certificate described rather than uploaded, as an analyst's scenario describes
     * one: issued by a CA of the trust store, or no ECA certificate for a reason.
     *
     * @param store    the ruleset's trust store
     * @param issuedBy the common name of the CA of the store that issued it; null with {@code notEca}
     * @param notEca   why no path joins it to an ECA root; null with {@code issuedBy}
     * @param policies the policy OIDs valid on its path
     * @param daysLeft its days to expiry
     * @param now      the time the CAs' days left are counted from
     * @return the facts
     * @throws IllegalArgumentException when it gives both or neither, names a CA the store does not hold, or a
     *                                  policy that CA does not issue under
     */
    public static HeldFacts of(TrustStore store, String issuedBy, String notEca, List<String> policies,
                               long daysLeft, Instant now) {
        if ((issuedBy == null) == (notEca == null)) {
            throw new IllegalArgumentException("a certificate gives issuedBy (a CA of the trust store) or notEca (why"
                    + " it is no ECA certificate), one of them");
        }
        if (notEca != null) {
            return new HeldFacts(null, new OffEcaChain(notEca), List.of(), daysLeft);
        }
        X509Certificate issuing = store.named(issuedBy).orElseThrow(() -> new IllegalArgumentException(
                "issuedBy: the trust store holds no CA named '" + issuedBy + "'; it holds " + store.certificates()
                        .stream().map(TrustStore::commonName).toList()));
        X509Certificate root = store.rootOf(issuing).orElseThrow(() -> new IllegalArgumentException("issuedBy: "
                + issuedBy + " leads to no root of the trust store"));
        List<String> asserted = policiesOf(issuing);
        List<String> foreign = policies.stream().filter(policy -> !asserted.contains(policy)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("policies: " + issuedBy + " issues under none of " + foreign
                    + ", so no certificate of it carries them on a valid path; it asserts " + asserted);
        }
        return new HeldFacts(EcaPath.chain(issuing, root, now), null, policies, daysLeft);
    }

    /** The certificate policies a CA's certificate asserts: those a certificate it issues may carry. */
    private static List<String> policiesOf(X509Certificate ca) {
        byte[] extension = ca.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return List.of();
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
            return Arrays.stream(CertificatePolicies.getInstance(value).getPolicyInformation())
                    .map(policy -> policy.getPolicyIdentifier().getId()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("the certificate policies of " + TrustStore.commonName(ca)
                    + " cannot be read", e);
        }
    }

    /** @return the facts to insert, in order */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(chain != null ? chain : offChain);
        policies.forEach(oid -> facts.add(new HeldPolicy(oid)));
        facts.add(new HeldValidity(daysLeft));
        return facts;
    }
}
