package org.ecawizard.facts;

import java.util.List;

/**
 * A type that some selected application rejects, so that it is not the one certificate to buy.
 *
 * @param type       the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param title      its title, e.g. {@code ECA Medium Token Assurance}
 * @param rejectedBy the selected applications whose sources state the rejection
 * @param inferredBy those that reject it by the analyst's reading only
 * @param basis      {@code stated} when any source states the rejection, else {@code inferred}
 */
public record NotOffered(String type, String title, List<String> rejectedBy, List<String> inferredBy,
                         String basis) {
}
