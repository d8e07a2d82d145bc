package org.ecawizard.engine.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request starts from each selected agency's statements, derived once per ruleset by the agency files' rules; the
 * gate holds every answer it tries against the answer with every rule fired.
 */
class DerivedEvidenceTest {

    private final Recommender recommender = new Recommender();

    @Test
    void aRequestFiresNoAgencyFileAndGetsTheAnswerOfEveryRuleFired() {
        var ruleset = ShippedRules.ruleset();
        Choice choice = Choice.of(List.of("JPAS", "CANES"), true);

        Recommendation derived = recommender.recommend(ruleset, choice, true);
        Recommendation everyRule = recommender.recommendFiringEveryRule(ruleset, choice);

        // The agency files' rules fired once each, when the ruleset was compiled: they come first.
        assertThat(derived.trace().subList(0, 2)).extracting(RuleLocation::file)
                .allMatch(file -> file.contains("agencies/"));
        assertThat(derived.trace().stream().filter(rule -> rule.file().contains("agencies/"))).hasSize(2);
        assertThat(derived.trace()).containsExactlyInAnyOrderElementsOf(everyRule.trace());
        assertThat(derived.decidedBy()).isEqualTo(everyRule.decidedBy());
        assertThat(derived.withTrace(everyRule.trace())).isEqualTo(everyRule);
    }

    @Test
    void aWizardRuleThatSeesTheStatementsArriveKeepsTheRulesetFromGoingLive(@TempDir Path rules) throws IOException {
        ShippedRules.copyTo(rules);
        // Above the agency files' salience, it fires before they write their statements, when every rule fires.
        Files.writeString(rules.resolve("wizard/early.drl"), """
                package wizard;

                import org.ecawizard.facts.*;

                rule "Warn of an application nothing is stated of yet"
                    salience 10
                when
                    Selection($agency : agency)
                    not Evidence(agency == $agency)
                then
                    insert(new Warning("Nothing is stated of " + $agency + " yet.", "wizard"));
                end
                """);

        GateReport report = new RulesetGate(1000, Clock.systemUTC(), recommender)
                .inspect(RuleSource.fromDirectory(rules));

        assertThat(report.errors()).anyMatch(problem -> problem.code().equals("derived-evidence")
                && problem.message().startsWith("selecting CANES + JPAS: the answer from the agencies' statements")
                && problem.message().contains("differs in warnings"));
        report.ruleset().dispose();
    }
}
