package org.ecawizard.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The check command's arguments (see {@link #USAGE}), with the service's defaults for those left out (the rules:
 * {@code $ECA_RULES_DIR} when it is set, as in the container image, else {@code rules}).
 *
 * @param rules             the rules to check
 * @param against           the rules to compare with, or null
 * @param replay            the decision log to replay, or null
 * @param explain           the agency to read back in plain words, or null
 * @param fireLimit         the most rule firings one evaluation may take
 * @param format            how the report is written
 * @param limit             the most characters a markdown report may take (a pull request comment's room)
 * @param requireScenarios  whether an agency that no scenario selects fails the check
 */
record CheckOptions(Path rules, Path against, Path replay, String explain, int fireLimit, Format format, int limit,
                    boolean requireScenarios) {

    static final String USAGE = """
            usage: check [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG] [--explain CODE]
                         [--format text|sarif|markdown] [--limit CHARS] [--require-scenarios] [--fire-limit N]
                   check --version | --help""";

    /** How the report is written. */
    enum Format {
        /** Lines for a terminal: {@code file:line:column: error|warning: message}, then a summary. */
        TEXT,
        /** SARIF 2.1.0, for code review tools that annotate the lines. */
        SARIF,
        /** Markdown for a pull request's comment: the outcome, the problems, the impact and the coverage. */
        MARKDOWN
    }

    /**
     * GitHub refuses a longer comment ("Body is too long (maximum is 65536 characters)", its REST API's answer:
     * https://github.com/orgs/community/discussions/27190); some room is left for the rest of the page.
     */
    static final int DEFAULT_LIMIT = 60_000;
    /** Room for the outcome and each section's heading and count, whatever is left out. */
    static final int MIN_LIMIT = 2_000;
    private static final Set<String> WITH_VALUE = Set.of("--rules", "--against", "--replay", "--explain",
            "--fire-limit", "--limit", "--format");

    /** @throws IllegalArgumentException on an unknown option or a missing or malformed value */
    static CheckOptions parse(List<String> args) {
        // As the service reads it: a container's ECA_RULES_DIR names where its rules are mounted.
        String dir = System.getenv("ECA_RULES_DIR");
        Path rules = Path.of(dir == null || dir.isBlank() ? EcaRules.DEFAULT_DIR : dir);
        Path against = null;
        Path replay = null;
        String explain = null;
        int fireLimit = EcaRules.DEFAULT_FIRE_LIMIT;
        Format format = Format.TEXT;
        int limit = DEFAULT_LIMIT;
        boolean requireScenarios = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--require-scenarios")) {
                requireScenarios = true;
                continue;
            }
            if (!WITH_VALUE.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || value.startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            i++;
            switch (option) {
                case "--rules" -> rules = Path.of(value);
                case "--against" -> against = Path.of(value);
                case "--replay" -> replay = Path.of(value);
                case "--explain" -> explain = value;
                case "--fire-limit" -> fireLimit = number(value, option, 1);
                case "--limit" -> limit = number(value, option, MIN_LIMIT);
                case "--format" -> format = format(value);
                default -> throw new IllegalStateException("an option with a value but no case: " + option);
            }
        }
        return new CheckOptions(rules, against, replay, explain, fireLimit, format, limit, requireScenarios);
    }

    private static int number(String value, String option, int least) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a whole number of at least " + least + ", not " + value);
    }

    private static Format format(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format is text, sarif or markdown, not " + value);
        }
    }
}
