package org.ecawizard.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleFile;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The gate a reload runs, in a warm JVM, on the shipped rules with one file edited (a new comment each time, so
 * nothing is taken for having been seen): an agency's file ({@code EMC2.drl}) or a wizard file
 * ({@code products.drl}); {@code earlier} says whether the gate is given the ruleset in service to take unchanged
 * answers from, as a reload does, or answers everything again. Run with {@code ./mvnw -Pbench ...} (BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReloadBenchmark {

    /** Which file the edit is in. */
    @Param({"agency", "wizard"})
    public String edit;

    /** Whether the gate is given the ruleset in service. */
    @Param({"true", "false"})
    public boolean earlier;

    private final RulesetGate gate = new RulesetGate(1000, Clock.systemUTC(), new Recommender());
    private RuleSource shipped;
    private GateReport inService;
    private int edits;

    @Setup(Level.Trial)
    public void gateTheShippedRules() {
        shipped = RuleSource.fromDirectory(Path.of("rules"));
        inService = gate.inspect(shipped);
    }

    @TearDown(Level.Trial)
    public void dispose() {
        inService.ruleset().dispose();
    }

    @Benchmark
    public GateReport reload() {
        String file = edit.equals("agency") ? "agencies/EMC2.drl" : "wizard/products.drl";
        String comment = "\n// edit " + ++edits + "\n";
        List<RuleFile> files = shipped.files().stream()
                .map(f -> f.path().equals(file) ? new RuleFile(f.path(), f.content() + comment) : f).toList();
        GateReport report = gate.inspect(new RuleSource(shipped.location(), files), earlier ? inService : null);
        if (!report.passed()) {
            throw new IllegalStateException("the edited rules did not pass: " + report.errors());
        }
        report.ruleset().dispose();
        return report;
    }
}
