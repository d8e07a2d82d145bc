package org.ecawizard.facts;

/** A certificate policy OID found on the certificate a buyer already holds. */
public record HeldPolicy(String oid) {
}
