package org.ecawizard.facts;

/**
 * Something the buyer should check before buying.
 *
 * @param text   the sentence
 * @param source the public page it rests on, or {@code "wizard"} when it is the wizard's own advice
 */
public record Warning(String text, String source) {
}
