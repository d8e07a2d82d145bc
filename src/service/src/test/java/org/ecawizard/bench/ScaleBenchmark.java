package org.ecawizard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetCompiler;
import org.ecawizard.engine.internal.ruleset.ShippedRules;

/**
 * The scale of the policy: rulesets of generated agencies (each accepting a random non-empty set of the three
 * types, with a fixed seed) beside the shipped wizard rules. For each size it prints the compile time, the heap
 * the compiled ruleset holds after GC, and the cost of an uncached two-agency recommendation.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.ecawizard.bench.ScaleBenchmark}.
 */
public final class ScaleBenchmark {

    private static final String[] TYPES = {"MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE"};

    private ScaleBenchmark() {
    }

    /** One size's figures. */
    record Row(int agencies, double compileSeconds, double gateSeconds, double heapMb, double microsPerRequest) {

        double requestsPerSecond() {
            return 1e6 / microsPerRequest;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Stream.of(args).mapToInt(Integer::parseInt).toArray() : new int[] {100, 1000, 5000};
        System.out.printf("%8s %12s %10s %14s %14s %12s%n", "agencies", "compile s", "gate s", "heap MB", "us/request",
                "requests/s");
        for (int size : sizes) {
            Row row = measure(size, Duration.ofSeconds(3), Duration.ofSeconds(5));
            System.out.printf("%8d %12.2f %10.2f %14.1f %14.1f %12.0f%n", row.agencies(), row.compileSeconds(),
                    row.gateSeconds(), row.heapMb(), row.microsPerRequest(), row.requestsPerSecond());
        }
    }

    /** Generates {@code size} agencies, compiles them, times uncached requests and then the whole gate. */
    static Row measure(int size, Duration warmUp, Duration measured) throws Exception {
        Path dir = generate(size);
        try {
            long heapBefore = heapAfterGc();
            long started = System.nanoTime();
            Ruleset ruleset = new RulesetCompiler(1000, Clock.systemUTC()).compile(RuleSource.fromDirectory(dir));
            double compileSeconds = (System.nanoTime() - started) / 1e9;
            double heapMb = (heapAfterGc() - heapBefore) / 1024.0 / 1024.0;
            double micros = perRequestMicros(ruleset, size, warmUp.toNanos(), measured.toNanos());
            ruleset.dispose();
            // Going live takes the whole gate: the compile again, the catalog, every agency alone, the probes.
            started = System.nanoTime();
            GateReport report = new RulesetGate(1000, Clock.systemUTC(), new Recommender()).inspect(RuleSource.fromDirectory(dir));
            double gateSeconds = (System.nanoTime() - started) / 1e9;
            if (!report.passed()) {
                throw new IllegalStateException("the generated ruleset did not pass the gate: " + report.errors());
            }
            report.ruleset().dispose();
            return new Row(size, compileSeconds, gateSeconds, heapMb, micros);
        } finally {
            deleteTree(dir);
        }
    }

    /** Uncached recommendations for random pairs of agencies, after a warm-up, on this thread. */
    private static double perRequestMicros(Ruleset ruleset, int size, long warmUpNanos, long measureNanos) {
        Recommender recommender = new Recommender();
        Random random = new Random(7);
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            choices.add(new Choice(List.of(code(random.nextInt(size)), code(random.nextInt(size))), true));
        }
        long sink = 0;
        int i = 0;
        for (long end = System.nanoTime() + warmUpNanos; System.nanoTime() < end; i++) {
            sink += recommender.recommend(ruleset, choices.get(i % choices.size()), false).certificateTypes().size();
        }
        long count = 0;
        long began = System.nanoTime();
        long end = began + measureNanos;
        while (System.nanoTime() < end) {
            sink += recommender.recommend(ruleset, choices.get((int) (count % choices.size())), false).certificateTypes().size();
            count++;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return (System.nanoTime() - began) / 1000.0 / count;
    }

    private static String code(int n) {
        return String.format("GEN_%05d", n);
    }

    private static Path generate(int size) throws IOException {
        Path dir = Files.createTempDirectory("eca-scale-" + size + "-");
        Files.createDirectories(dir.resolve("agencies"));
        Files.createDirectories(dir.resolve("wizard"));
        try (Stream<Path> wizard = Files.list(Path.of("rules", "wizard"))) {
            for (Path file : wizard.toList()) {
                Files.copy(file, dir.resolve("wizard").resolve(file.getFileName()));
            }
        }
        // The shipped trust store, with its table: the certificate check needs it as much as at any size.
        ShippedRules.copyTree(Path.of("rules", "trust"), dir.resolve("trust"));
        List<String> sheet = Files.readAllLines(Path.of("rules", "sources", "SOURCES.md"));
        int table = sheet.indexOf(sheet.stream().filter(line -> line.startsWith("| file | certificate |"))
                .findFirst().orElseThrow());
        String trustTable = String.join("\n", sheet.subList(table, sheet.size()).stream()
                .takeWhile(line -> line.startsWith("|")).toList());
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/SOURCES.md"),
                "| page |\n|---|\n| https://example.org/test |\n\n" + trustTable + "\n");
        Random random = new Random(size);
        for (int n = 0; n < size; n++) {
            StringBuilder accepts = new StringBuilder();
            int mask = 1 + random.nextInt(7);
            for (int t = 0; t < TYPES.length; t++) {
                // Each generated agency states every type: accepted when in its mask, rejected otherwise.
                String stance = (mask & (1 << t)) != 0 ? "accepts" : "rejects";
                accepts.append("    insert(Evidence.that(\"").append(code(n)).append("\").").append(stance).append("(\"")
                        .append(TYPES[t]).append("\").stated(\"as the generated page of ").append(code(n))
                        .append(" says\")")
                        .append(".source(\"https://example.org/test\"));\n");
            }
            Files.writeString(dir.resolve("agencies").resolve(code(n) + ".drl"), """
                    package agencies;
                    import org.ecawizard.facts.*;
                    rule "%1$s accepts"
                        @title("Generated agency %1$s")
                        @status("confirmed") @source("https://example.org/test")
                    when
                        Selection(agency == "%1$s")
                    then
                    %2$send
                    """.formatted(code(n), accepts));
        }
        return dir;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
