package org.ecawizard.facts;

/**
 * A type that every application to reach is stated to accept (or any type, when no selected application limits it).
 *
 * @param type  the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param title its title, e.g. {@code ECA Medium Token Assurance}
 */
public record SureType(String type, String title) {
}
