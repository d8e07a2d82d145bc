package org.ecawizard.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The check command's arguments: {@code [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG]
 * [--explain CODE] [--fire-limit N]}, with the service's defaults for those left out (the rules: {@code
 * $ECA_RULES_DIR} when it is set, as in the container image, else {@code rules}).
 *
 * @param against the rules to compare with, or null; {@code replay} the decision log to replay, or null
 * @param explain the agency to read back in plain words, or null
 */
record CheckOptions(Path rules, Path against, Path replay, String explain, int fireLimit) {

    static final String USAGE = "usage: check [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG]"
            + " [--explain CODE] [--fire-limit N]\n       check --version";

    /** @throws IllegalArgumentException on an unknown option or a missing or malformed value */
    static CheckOptions parse(List<String> args) {
        // As the service reads it: a container's ECA_RULES_DIR names where its rules are mounted.
        String dir = System.getenv("ECA_RULES_DIR");
        Path rules = Path.of(dir == null || dir.isBlank() ? EcaRules.DEFAULT_DIR : dir);
        Path against = null;
        Path replay = null;
        String explain = null;
        int fireLimit = EcaRules.DEFAULT_FIRE_LIMIT;
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
