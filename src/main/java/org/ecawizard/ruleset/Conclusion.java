package org.ecawizard.ruleset;

/**
 * A fact in the session after the rules fired, and the rule that inserted it.
 *
 * @param rule the rule's name; empty for a fact the harness inserted
 */
public record Conclusion<T>(T fact, String rule) {
}
