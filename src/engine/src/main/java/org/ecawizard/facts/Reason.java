package org.ecawizard.facts;

/**
 * One sentence of the explanation a buyer reads.
 *
 * @param text   the sentence
 * @param source the public page the sentence rests on, or {@code "wizard"} when it is the wizard's own
 *               reasoning or advice
 */
public record Reason(String text, String source) {
}
