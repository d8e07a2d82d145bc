package org.ecawizard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The benchmarks compile and run; their figures come from the bench profile (BENCHMARKS.md), not from here. */
class BenchmarkSmokeTest {

    /** Each of the benchmark's methods and parameters, once, briefly, in this JVM. */
    private static Collection<RunResult> runOnce(Class<?> benchmark) throws Exception {
        return new Runner(new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                .shouldFailOnError(true)
                .build()).run();
    }

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        Collection<RunResult> results = runOnce(RecommendationBenchmark.class);

        assertThat(results).hasSize(16);
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void theReloadBenchmarkRunsEachEditBothWays() throws Exception {
        Collection<RunResult> results = runOnce(ReloadBenchmark.class);

        assertThat(results).hasSize(4);
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void theScaleBenchmarkGeneratesCompilesAndPassesTheGate() throws Exception {
        ScaleBenchmark.Row row = ScaleBenchmark.measure(30, Duration.ofMillis(50), Duration.ofMillis(100));

        assertThat(row.agencies()).isEqualTo(30);
        assertThat(row.compileSeconds()).isPositive();
        assertThat(row.gateSeconds()).isPositive();
        assertThat(row.requestsPerSecond()).isPositive();
    }

    @Test
    void theBaselineAgreesWithTheRulesOnTheOfferedTypes() {
        var ruleset = org.ecawizard.engine.internal.ruleset.ShippedRules.ruleset();
        var baseline = new Intersection(ruleset.catalog());
        var recommender = new org.ecawizard.engine.internal.recommendation.Recommender();
        for (String first : Intersection.codes(ruleset.catalog())) {
            for (String second : Intersection.codes(ruleset.catalog())) {
                var choice = org.ecawizard.engine.Choice.of(java.util.List.of(first, second), true);
                assertThat(baseline.offered(choice.agencies())).as(first + " + " + second)
                        .isEqualTo(recommender.recommend(ruleset, choice, false).certificateTypes());
            }
        }
    }
}
