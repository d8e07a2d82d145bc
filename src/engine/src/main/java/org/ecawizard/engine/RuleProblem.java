package org.ecawizard.engine;

/**
 * Something wrong in a rule file, where an editor can jump to it.
 *
 * @param file as an analyst would open it, e.g. {@code rules/agencies/CODE.drl}
 * @param line 1-based; 0 when the problem has no line
 */
public record RuleProblem(String file, int line, int column, String message) {

    /**
     * Puts the message on one line.
     *
     * @param file    the file, as an analyst would open it
     * @param line    1-based; 0 when the problem has no line
     * @param column  1-based; 0 when it has none
     * @param message what is wrong
     */
    public RuleProblem {
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
