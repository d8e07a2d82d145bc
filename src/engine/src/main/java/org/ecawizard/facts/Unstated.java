package org.ecawizard.facts;

/**
 * No source says whether the application accepts this type: concluded by the wizard, never written by hand.
 *
 * @param agency the selected application's code
 * @param type   the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 */
public record Unstated(String agency, String type) {
}
