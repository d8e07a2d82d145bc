package org.ecawizard.ruleset;

/**
 * Something wrong in a rule file, where an editor can jump to it.
 *
 * @param file as an analyst would open it, e.g. {@code rules/agencies/CODE.drl}
 * @param line 1-based; 0 when the problem has no line
 */
public record RuleProblem(String file, int line, int column, String message) {

    public RuleProblem {
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
