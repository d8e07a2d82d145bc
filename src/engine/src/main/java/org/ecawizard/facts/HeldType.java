package org.ecawizard.facts;

/**
 * The held certificate is of this ECA type, because it carries this policy OID.
 *
 * @param type  the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param title its title, e.g. {@code ECA Medium Token Assurance}
 * @param oid   the ECA certificate policy OID, valid on the certificate's path, that makes it this type, e.g.
 *              {@code 2.16.840.1.101.3.2.1.12.3}
 */
public record HeldType(String type, String title, String oid) {
}
