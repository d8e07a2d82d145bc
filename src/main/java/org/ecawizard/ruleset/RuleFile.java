package org.ecawizard.ruleset;

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
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }
}
