package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.engine.internal.scenario.ScenarioReader;
import org.ecawizard.engine.internal.scenario.ScenarioRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every analyst scenario under rules/scenarios/ is a test against the real rules. */
class ScenarioTest {

    private final ScenarioReader.Scenarios scenarios = ScenarioReader.read(RuleSource.fromDirectory(ShippedRules.DIR));

    @Test
    void everyScenarioFileReads() {
        assertThat(scenarios.problems()).isEmpty();
        assertThat(scenarios.scenarios()).hasSizeGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        Ruleset ruleset = ShippedRules.ruleset();
        ScenarioRunner runner = new ScenarioRunner(new Recommender());
        return scenarios.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.name() + " (" + scenario.file() + ":" + scenario.line() + ")",
                () -> assertThat(runner.run(ruleset, scenario).failures()).isEmpty()));
    }
}
