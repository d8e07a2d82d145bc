package org.ecawizard.engine;

/**
 * Something wrong in a rule file, where an editor can jump to it.
 *
 * @param code    what kind of problem it is, one word a tool can group by: {@code drl} (does not compile),
 *                {@code confinement} (reaches beyond the facts), {@code agency-file}, {@code source-contradiction}
 *                (the same words of a page read two ways), {@code source-date} (a page given two dates), {@code
 *                sources}, {@code unused-source}, {@code stale-source}, {@code only-reading}, {@code catalog},
 *                {@code trust-store}, {@code scenario-file}, {@code scenario-expects} (what no rule can conclude),
 *                {@code scenario-failed}, {@code no-scenario}, {@code runaway}, {@code no-verdict}, {@code
 *                dead-rule}, {@code unreadable}
 * @param file    the file, as an analyst would open it, e.g. {@code rules/agencies/CODE.drl}; where the rules are
 *                read from, for a problem of the whole ruleset
 * @param line    1-based; 0 when the problem has no line
 * @param column  1-based; 0 when it has none
 * @param message what is wrong, on one line
 */
public record RuleProblem(String code, String file, int line, int column, String message) {

    /**
     * Puts the message on one line.
     *
     * @param code    what kind of problem it is
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
