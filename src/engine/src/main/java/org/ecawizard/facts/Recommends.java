package org.ecawizard.facts;

/**
 * The application's own page tells its users which type to buy. Among types that are only possible, the one a
 * selected application recommends is bought first.
 *
 * @param quote the page's own words
 */
public record Recommends(String agency, String type, String quote, String source) {
}
