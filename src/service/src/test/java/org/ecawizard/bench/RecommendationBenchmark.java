package org.ecawizard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.EcaRules;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.ruleset.Evaluation;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.facts.Buyer;
import org.ecawizard.recommendations.Answer;
import org.ecawizard.recommendations.AnswerCache;
import org.ecawizard.recommendations.AnswerWriter;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A recommendation through the engine's one door ({@link EcaRules}, as the service and an embedding back end ask)
 * on the shipped rules, uncached ({@code rules}) and through the service's answer cache ({@code cached}), beside
 * a plain-Java baseline that computes the same offered types from the same catalog by set intersection. Run with {@code ./mvnw -Pbench ...}
 * (BENCHMARKS.md); {@code BenchmarkSmokeTest} only checks that it runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecommendationBenchmark {

    /** How many agencies are selected: 1, 2, 10, or one special entry. */
    @Param({"1", "2", "10", "special"})
    public String selection;

    private EcaRules engine;
    private Ruleset ruleset;
    private Intersection baseline;
    private List<String> codes;
    private List<Object> facts;
    private final AnswerCache cache = new AnswerCache(10_000, Map::of,
            new AnswerWriter(JsonMapper.builder().build())::write);

    @Setup(Level.Trial)
    public void compile() {
        engine = EcaRules.load(Path.of("rules"));
        ruleset = ShippedRules.ruleset();
        baseline = new Intersection(ruleset.catalog());
        List<String> ordinary = ruleset.catalog().all().stream().filter(a -> !a.special()).map(Agency::code).toList();
        codes = switch (selection) {
            case "1" -> List.of("JPAS");
            case "2" -> List.of("CANES", "JPAS");
            case "10" -> ordinary.subList(0, 10);
            case "special" -> List.of("NOT_LISTED");
            default -> throw new IllegalArgumentException(selection);
        };
        facts = new ArrayList<>();
        codes.forEach(code -> facts.add(ruleset.catalog().find(code).orElseThrow().selection()));
        facts.add(new Buyer(true, "unstated"));
    }

    @TearDown(Level.Trial)
    public void dispose() {
        engine.close();
    }

    @Benchmark
    public Recommendation rules() {
        return engine.recommend(Choice.of(codes, true), false);
    }

    /** The rules alone: facts in, the session fired, conclusions recorded; no answer built. */
    @Benchmark
    public Evaluation evaluate() {
        return ruleset.evaluate(facts);
    }

    /** The same request through the answer cache, as the HTTP path does when it has seen the choice. */
    @Benchmark
    public Answer cached() {
        Choice choice = Choice.of(codes, true);
        return cache.get(engine.version(), choice, () -> engine.recommend(choice, false));
    }

    @Benchmark
    public List<String> baseline() {
        return baseline.offered(codes);
    }
}
