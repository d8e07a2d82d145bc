package org.ecawizard.facts;

/**
 * A source states that the application takes only a certificate showing that its holder is a U.S. citizen (the
 * certificate carries the citizenship proven at the identity check). A buyer who is not one cannot reach it.
 *
 * @param quote the page's own words
 */
public record RequiresUsCitizen(String agency, String quote, String source) {
}
