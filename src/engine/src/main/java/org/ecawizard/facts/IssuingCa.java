package org.ecawizard.facts;

/**
 * An ECA issuing CA of the trust store, and the vendor that runs it: the one a certificate it issued is renewed with.
 *
 * @param name   the CA's common name, as in its certificate
 * @param vendor who runs it, e.g. {@code IdenTrust}
 * @param source the public page that says so
 */
public record IssuingCa(String name, String vendor, String source) {
}
