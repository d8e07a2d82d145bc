package org.ecawizard.facts;

import java.util.List;

/**
 * A type that no selected application is stated to reject, but that some are not stated to accept.
 *
 * @param type        the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param title       its title, e.g. {@code ECA Medium Token Assurance}
 * @param unstatedFor the selected applications whose sources are silent about it
 * @param inferredFor the selected applications that accept it by the analyst's reading only
 * @param open        how many selected applications leave it open: both lists together
 * @param confirmedBy how many selected applications with confirmed sources state that they accept it
 */
public record PossibleType(String type, String title, List<String> unstatedFor, List<String> inferredFor, int open,
                           int confirmedBy) {
}
