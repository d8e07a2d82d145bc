package org.ecawizard.engine.internal.ruleset;

import java.util.List;

/**
 * One file of a ruleset.
 *
 * @param path relative to the ruleset's root, with forward slashes: {@code agencies/CODE.drl}
 */
public record RuleFile(String path, String content) {

    /** @return whether it is a rule file */
    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    /** @return whether it is a scenario file: YAML under {@code scenarios/} */
    public boolean isScenario() {
        return path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    /**
     * @param text what to look for
     * @return the 1-based line of the first line that contains it, or 0 when none does
     */
    public int lineOf(String text) {
        return lineOf(content.lines().toList(), text, 1);
    }

    /** The 1-based line, from {@code from} on, of the first line that contains the text; 0 when none does. */
    static int lineOf(List<String> lines, String text, int from) {
        for (int i = Math.max(from, 1); i <= lines.size(); i++) {
            if (lines.get(i - 1).contains(text)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The line a rule's consequence starts on. Drools reports the line of {@code then} and drops it with the blank
     * lines after it, so the consequence's first line is looked for from there.
     *
     * @param lines       the file's lines
     * @param consequence the consequence as Drools gives it
     * @param thenLine    the line Drools reports for it
     * @return the 1-based line of its first text
     */
    static int consequenceStart(List<String> lines, String consequence, int thenLine) {
        String first = consequence.strip().lines().findFirst().orElse("").strip();
        int found = first.isEmpty() ? 0 : lineOf(lines, first, thenLine);
        return found > 0 ? found : thenLine + 1;
    }
}
