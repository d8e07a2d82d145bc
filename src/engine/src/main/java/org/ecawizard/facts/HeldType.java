package org.ecawizard.facts;

/** The held certificate is of this ECA type, because it carries this policy OID. */
public record HeldType(String type, String title, String oid) {
}
