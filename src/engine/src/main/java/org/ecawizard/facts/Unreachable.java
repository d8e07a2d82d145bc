package org.ecawizard.facts;

/**
 * A selected application that no certificate the buyer can get will reach: no purchase covers it. Concluded by a
 * rule.
 *
 * @param why the sentence a buyer reads, and {@code source} where it rests
 */
public record Unreachable(String agency, String why, String source) {
}
