package org.ecawizard.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.ecawizard.engine.Impact;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service starts only on sound rules, and a refused candidate leaves the ruleset in service alone. */
class RulesetServiceTest {

    @TempDir
    Path rules;

    /** The service as Spring starts it: made, then waited for once the other beans are made. */
    private RulesetService service() {
        RulesetService service = new RulesetService(RulesetService.Opening.start(new RulesetProperties(rules, 1000,
                false, Duration.ZERO, Duration.ofMillis(250), 1), Clock.systemUTC()), new SimpleMeterRegistry());
        service.afterSingletonsInstantiated();
        return service;
    }

    @Test
    void brokenRulesStopTheStart() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/JPAS.drl"), "rule \"half a rule\" when");

        assertThatThrownBy(() -> service())
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining(rules + "/agencies/JPAS.drl:1:23: [ERR 102]");
    }

    @Test
    void aMissingDirectoryServesTheBundledRules() {
        RulesetService service = new RulesetService(RulesetService.Opening.start(new RulesetProperties(
                rules.resolve("absent"), 1000, false, Duration.ZERO, Duration.ofMillis(250), 1), Clock.systemUTC()),
                new SimpleMeterRegistry());

        assertThat(service.rules().status().location()).isEqualTo("classpath:bundled-rules");
        assertThat(service.rules().version()).isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void aRefusedCandidateKeepsTheRulesetInServiceAndShowsWhy() throws IOException {
        ShippedRules.copyTo(rules);
        RulesetService service = service();
        String serving = service.rules().version();
        Files.writeString(rules.resolve("agencies/JPAS.drl"), "rule \"half a rule\" when");

        assertThat(service.reload()).isFalse();

        assertThat(service.rules().version()).isEqualTo(serving);
        assertThat(service.rules().status().lastFailedLoad().problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).endsWith("agencies/JPAS.drl"));
        assertThat(service.rules().status().lastFailedLoad().version()).isNotEqualTo(serving);
    }

    @Test
    void aSoundCandidateGoesIntoServiceWithItsImpact() throws IOException, InterruptedException {
        ShippedRules.copyTo(rules);
        RulesetService service = service();
        String before = service.rules().version();
        Files.writeString(rules.resolve("agencies/NEW_APP.drl"), """
                package agencies;
                import org.ecawizard.facts.*;
                rule "NEW_APP accepts Medium Hardware"
                    @title("New App") @status("confirmed") @source("https://example.org/test")
                when
                    Selection(agency == "NEW_APP")
                then
                    insert(Evidence.that("NEW_APP").accepts("MEDIUM_HARDWARE_ASSURANCE").stated("as a test page says")
                        .source("https://example.org/test"));
                    insert(Evidence.that("NEW_APP").rejects("MEDIUM_ASSURANCE").stated("as a test page says")
                        .source("https://example.org/test"));
                end
                """);

        assertThat(service.reload()).isTrue();

        assertThat(service.rules().status().agencies().stream().filter(a -> a.code().equals("NEW_APP")).findFirst().orElseThrow().acceptedTypes())
                .containsExactly("MEDIUM_HARDWARE_ASSURANCE");
        assertThat(service.rules().status().lastFailedLoad()).isNull();
        // The impact is worked out just after the ruleset goes live.
        long deadline = System.currentTimeMillis() + 10_000;
        while (service.rules().status().lastActivation() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Impact impact = service.rules().status().lastActivation().impact();
        assertThat(impact.from()).isEqualTo(before);
        assertThat(impact.to()).isEqualTo(service.rules().version());
        assertThat(impact.changes()).anySatisfy(change -> {
            assertThat(change.selection()).isEqualTo("NEW_APP");
            assertThat(change.differences()).extracting(d -> d.part()).startsWith("headline", "answer");
            assertThat(change.differences().get(1).before()).startsWith("refused: Unknown agency code 'NEW_APP'");
            assertThat(change.differences().get(1).after()).isEqualTo("sure MEDIUM_HARDWARE_ASSURANCE; buy MEDIUM_HARDWARE_ASSURANCE");
        });
        assertThat(impact.changes()).noneSatisfy(change -> assertThat(change.selection()).doesNotContain("NEW_APP"));
    }

    @Test
    void aFailingScenarioKeepsTheCandidateOut() throws IOException {
        ShippedRules.copyTo(rules);
        RulesetService service = service();
        Files.writeString(rules.resolve("scenarios/wrong.yaml"), """
                - name: JPAS is wrongly expected to take Medium
                  agencies: [JPAS]
                  expect:
                    certificateTypes: [MEDIUM_ASSURANCE]
                """);

        assertThat(service.reload()).isFalse();

        assertThat(service.rules().status().lastFailedLoad().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("scenarios/wrong.yaml");
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("JPAS is wrongly expected", "certificateTypes");
        });
    }

    @Test
    void anUnchangedDirectoryIsNotReloaded() throws IOException {
        ShippedRules.copyTo(rules);
        RulesetService service = service();

        assertThat(service.reload()).isFalse();
        assertThat(service.rules().status().lastFailedLoad()).isNull();
    }
}
