package org.ecawizard.engine;

/**
 * A rule and where it is written.
 *
 * @param rule the rule's name, as its {@code rule "..."} declaration gives it
 * @param file as an analyst opens it, e.g. {@code rules/agencies/CODE.drl}
 * @param line the line of its {@code rule "..."} declaration; 0 when it cannot be found
 */
public record RuleLocation(String rule, String file, int line) {
}
