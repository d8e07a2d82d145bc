package org.ecawizard.engine.internal.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's own rules, compiled once for the tests that read answers off them. */
public final class ShippedRules {

    public static final Path DIR = Path.of("rules");
    private static Ruleset ruleset;

    private ShippedRules() {
    }

    /** The pages the tests' own agency files cite, listed as SOURCES.md lists a real one. */
    private static final String TEST_PAGES = """

            ## Pages of the tests' own agency files

            | page | what it says | used in |
            |---|---|---|
            | https://example.org/test | nothing: tests only | tests |
            | https://example.org/hypothetical | nothing: tests only | tests |
            | https://example.org/hostile | nothing: tests only | tests |
            """;

    /**
     * Copies the shipped rules into {@code dir}, over what is there, for a test to change them there; its SOURCES.md
     * also lists the pages the tests' own agency files cite.
     */
    public static void copyTo(Path dir) throws IOException {
        copyTree(DIR, dir);
        Files.writeString(dir.resolve("sources/SOURCES.md"), TEST_PAGES, StandardOpenOption.APPEND);
    }

    /**
     * As {@link #copyTo}, for a test that changes EMC2's answer (its source names no type; the test makes it name
     * one): without the scenarios that select EMC2, as the analyst making that change would rewrite them.
     */
    public static void copyToChangeEmc2(Path dir) throws IOException {
        copyTo(dir);
        YAMLMapper yaml = YAMLMapper.builder().build();
        try (var files = Files.list(dir.resolve("scenarios"))) {
            for (Path file : files.toList()) {
                List<Map<String, Object>> scenarios = yaml.readValue(file.toFile(), new TypeReference<>() { });
                List<Map<String, Object>> kept = scenarios.stream()
                        .filter(scenario -> !String.valueOf(scenario.get("agencies")).contains("EMC2")).toList();
                if (kept.size() < scenarios.size()) {
                    yaml.writeValue(file.toFile(), kept);
                }
            }
        }
    }

    /** Copies every file under {@code from} to the same place under {@code to}, over what is there. */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var paths = Files.walk(from)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                Files.createDirectories(target.getParent());
                Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Deletes {@code dir} and everything under it, if it is there. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = new RulesetCompiler(1000, Clock.systemUTC()).compile(RuleSource.fromDirectory(DIR));
        }
        return ruleset;
    }
}
