package org.ecawizard.facts;

/** Something the buyer should check before buying, with where it comes from. */
public record Warning(String text, String source) {
}
