package org.ecawizard.facts;

/**
 * The answer in one sentence, as the page shows it first. Concluded by a rule.
 *
 * @param text   the sentence
 * @param source the public page it rests on, or {@code "wizard"} when it is the wizard's own advice
 */
public record Headline(String text, String source) {
}
