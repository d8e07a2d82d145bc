package org.ecawizard.facts;

/**
 * The entry names no agency application, so no application limits the type: any ECA type will do for it.
 *
 * @param quote the page's own words, and {@code source} its address
 */
public record AnyType(String agency, String quote, String source) {
}
