package org.ecawizard.engine.internal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No answer contradicts itself: every agency alone and every pair of the catalog, with both residency answers,
 * on the shipped rules and on the shipped rules plus hypothetical applications that force conflicts.
 */
class AnswerConsistencyTest {

    private final Recommender recommender = new Recommender();

    @Test
    void noAnswerOfTheShippedCatalogContradictsItself() {
        assertThat(contradictions(ShippedRules.ruleset())).isEmpty();
    }

    @Test
    void withHypotheticalConflictsTheGatePassesTheConflictRulesFireAndNoAnswerContradictsItself(@TempDir Path rules)
            throws IOException {
        ShippedRules.copyTo(rules);
        ShippedRules.copyTree(Path.of("src/engine/src/test/resources/hypothetical"), rules);

        GateReport report = new RulesetGate(1000, Clock.systemUTC(), recommender).inspect(RuleSource.fromDirectory(rules));

        assertThat(report.errors()).isEmpty();
        assertThat(report.scenarios()).anyMatch(s -> s.name().startsWith("Two applications whose sources reject"));
        assertThat(report.warnings()).noneMatch(w -> w.file().endsWith("selection.drl") || w.file().endsWith("products.drl")
                || w.file().endsWith("proofing.drl"));
        assertThat(contradictions(report.ruleset())).isEmpty();
        Recommendation conflict = recommender.recommend(report.ruleset(),
                Choice.of(List.of("SOFTWARE_ONLY", "NO_SOFTWARE"), true), false);
        assertThat(conflict.conflict().coveringSet()).containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
        assertThat(conflict.conflict().alternativeCoveringSets())
                .containsExactly(List.of("MEDIUM_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE"));
        report.ruleset().dispose();
    }

    @Test
    void theCheckFindsAContradiction() {
        Recommendation answer = recommender.recommend(ShippedRules.ruleset(),
                Choice.of(List.of("CANES", "JPAS"), true), false);
        Recommendation contradicting = new Recommendation(answer.agencies(), answer.residesInUs(), answer.usCitizen(),
                answer.headline(), List.of(),
                answer.sureTypes(), answer.possibleTypes(), answer.notOffered(), answer.conflict(), answer.purchase(),
                answer.evidence(), answer.notAcceptingEca(), answer.unreachable(), answer.retired(), List.of(),
                answer.proofing(),
                answer.reasons(), answer.warnings(), answer.rulesetVersion(), answer.decidedBy(), null);

        assertThat(new AnswerConsistency(ShippedRules.ruleset()).contradictions(contradicting))
                .anyMatch(c -> c.startsWith("not every type has a verdict"))
                .anyMatch(c -> c.startsWith("products [] are not for the purchase"));
    }

    private List<String> contradictions(Ruleset ruleset) {
        AnswerConsistency consistency = new AnswerConsistency(ruleset);
        List<String> codes = ruleset.catalog().all().stream().map(Agency::code).toList();
        List<String> found = new ArrayList<>();
        int answers = 0;
        for (boolean residesInUs : new boolean[] {true, false}) {
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i; j < codes.size(); j++) {
                    List<String> selection = i == j ? List.of(codes.get(i)) : List.of(codes.get(i), codes.get(j));
                    Recommendation answer = recommender.recommend(ruleset, Choice.of(selection, residesInUs), false);
                    answers++;
                    consistency.contradictions(answer).forEach(c -> found.add(selection + " " + residesInUs + ": " + c));
                }
            }
        }
        assertThat(answers).isGreaterThanOrEqualTo(2 * codes.size() * (codes.size() + 1) / 2);
        return found;
    }
}
