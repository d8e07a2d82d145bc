package org.ecawizard.check;

import java.nio.file.Path;
import java.util.List;
import org.ecawizard.ruleset.RuleSource;

/**
 * The check command's arguments: {@code [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG]
 * [--explain CODE] [--fire-limit N]}, with the service's defaults for those left out.
 *
 * @param against the rules to compare with, or null; {@code replay} the decision log to replay, or null
 * @param explain the agency to read back in plain words, or null
 */
record CheckOptions(Path rules, Path against, Path replay, String explain, int fireLimit) {

    static final String USAGE = "usage: check [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG]"
            + " [--explain CODE] [--fire-limit N]";

    /** @throws IllegalArgumentException on an unknown option or a missing or malformed value */
    static CheckOptions parse(List<String> args) {
        Path rules = Path.of(RuleSource.DEFAULT_DIR);
        Path against = null;
        Path replay = null;
        String explain = null;
        int fireLimit = RulesetGate.DEFAULT_FIRE_LIMIT;
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--rules" -> rules = Path.of(required(value, "--rules"));
                case "--against" -> against = Path.of(required(value, "--against"));
                case "--replay" -> replay = Path.of(required(value, "--replay"));
                case "--explain" -> explain = required(value, "--explain");
                case "--fire-limit" -> fireLimit = Integer.parseInt(required(value, "--fire-limit"));
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        return new CheckOptions(rules, against, replay, explain, fireLimit);
    }

    private static String required(String value, String option) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
