package org.ecawizard.facts;

/**
 * Something the buyer should check before buying.
 *
 * @param source the public page it rests on, or {@code "wizard"} when it is the wizard's own advice
 */
public record Warning(String text, String source) {
}
