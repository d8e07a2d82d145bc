package org.ecawizard.engine.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario that the rules do not meet fails, and says how; a malformed scenario file is a problem. */
class ScenarioRunnerTest {

    private final ScenarioRunner runner = new ScenarioRunner(new Recommender());

    @Test
    void aWrongExpectationFailsWithWhatTheAnswerHas() {
        Scenario wrong = new Scenario("wrong", List.of("CANES", "JPAS"), true, null, null, new Scenario.Expect(
                List.of("MEDIUM_ASSURANCE"), null, null, null, List.of("JPAS"), null, null, null, null, null,
                List.of("no such words"), null, null, null, null, null),
                false, "test", 1);

        ScenarioRunner.Result result = runner.run(ShippedRules.ruleset(), wrong);

        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).hasSize(3);
        assertThat(result.failures().subList(0, 2)).containsExactly(
                "certificateTypes: expected [MEDIUM_ASSURANCE] but the answer has [MEDIUM_TOKEN_ASSURANCE]",
                "conflict: expected [JPAS] but the answer has []");
        assertThat(result.failures().get(2)).startsWith("warnings: none mentions 'no such words'");
    }

    @Test
    void anUnknownAgencyFailsTheScenario() {
        Scenario unknown = new Scenario("unknown", List.of("JPSA"), true, null, null,
                new Scenario.Expect(List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null), false, "test", 1);

        assertThat(runner.run(ShippedRules.ruleset(), unknown).failures())
                .singleElement().asString().contains("JPSA", "did you mean JPAS");
    }

    @Test
    void aMalformedScenarioFileIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/bad.yaml"), """
                - name: fine
                  agencies: [CANES]
                  expect: {certificateTypes: [MEDIUM_ASSURANCE]}
                - name: misspelt
                  agencies: [CANES]
                  expekt: {}
                """);

        ScenarioReader.Scenarios read = ScenarioReader.read(RuleSource.fromDirectory(dir));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("scenarios/bad.yaml");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("expekt");
        });
    }
}
