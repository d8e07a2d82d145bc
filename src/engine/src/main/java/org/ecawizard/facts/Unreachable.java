package org.ecawizard.facts;

/**
 * A selected application that no certificate the buyer can get will reach: no purchase covers it. Concluded by a
 * rule.
 *
 * @param agency the selected application's code
 * @param why    the sentence a buyer reads
 * @param source the address of the page {@code why} rests on
 */
public record Unreachable(String agency, String why, String source) {
}
