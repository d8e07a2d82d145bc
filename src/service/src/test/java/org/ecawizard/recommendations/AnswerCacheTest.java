package org.ecawizard.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswerCacheTest {

    private static final AnswerWriter WRITER = new AnswerWriter(JsonMapper.builder().build());

    private final Ruleset ruleset = ShippedRules.ruleset();
    private final Recommender recommender = new Recommender();
    private final AtomicInteger evaluations = new AtomicInteger();

    private Recommendation answer(AnswerCache cache, String version, Choice choice) {
        return cache.get(version, choice, () -> {
            evaluations.incrementAndGet();
            Recommendation fresh = recommender.recommend(ruleset, choice, false);
            return version.equals(fresh.rulesetVersion()) ? fresh : new Recommendation(fresh.agencies(),
                    fresh.residesInUs(), fresh.usCitizen(), fresh.headline(), fresh.certificateTypes(),
                    fresh.sureTypes(), fresh.possibleTypes(), fresh.notOffered(), fresh.conflict(), fresh.purchase(),
                    fresh.evidence(), fresh.notAcceptingEca(), fresh.unreachable(), fresh.retired(), fresh.products(),
                    fresh.proofing(), fresh.reasons(), fresh.warnings(), version, fresh.decidedBy(), null);
        }).recommendation();
    }

    @Test
    void theSameChoiceOnTheSameRulesetIsEvaluatedOnce() {
        AnswerCache cache = new AnswerCache(100, Map::of, WRITER::write);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        cache.bindTo(metrics);
        Choice seed = Choice.of(List.of("canes", " JPAS"), null);

        Recommendation first = answer(cache, ruleset.version(), seed);
        Recommendation again = answer(cache, ruleset.version(),
                Choice.of(List.of("CANES", "JPAS", "jpas"), true));

        assertThat(again).isSameAs(first);
        assertThat(evaluations).hasValue(1);
        assertThat(metrics.get("eca.answers.cache").tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(metrics.get("eca.answers.cache").tag("result", "miss").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void residencyAndANewRulesetAreDifferentKeys() {
        AnswerCache cache = new AnswerCache(100, Map::of, WRITER::write);
        Choice inUs = new Choice(List.of("JPAS"), true);

        answer(cache, ruleset.version(), inUs);
        answer(cache, ruleset.version(), new Choice(List.of("JPAS"), false));
        Recommendation afterReload = answer(cache, "another", inUs);

        assertThat(evaluations).hasValue(3);
        assertThat(afterReload.rulesetVersion()).isEqualTo("another");
    }

    @Test
    void theCacheStaysWithinItsBound() {
        AnswerCache cache = new AnswerCache(3, Map::of, WRITER::write);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        cache.bindTo(metrics);
        for (String code : List.of("CANES", "JPAS", "DIBCS", "PIEE", "DISS", "WICAP")) {
            answer(cache, ruleset.version(), new Choice(List.of(code), true));
        }

        assertThat(metrics.get("eca.answers.cache.size").gauge().value()).isEqualTo(3);
    }

    @Test
    void aNewVersionStartsFromTheAnswersOfTheRulesetInServiceAndARequestOfAReplacedOneKeepsThem() {
        Choice known = new Choice(List.of("JPAS"), true);
        Recommendation answer = recommender.recommend(ruleset, known, false);
        AnswerCache cache = new AnswerCache(100, () -> Map.of(known, answer), WRITER::write);

        assertThat(answer(cache, ruleset.version(), known)).isSameAs(answer);
        assertThat(evaluations).hasValue(0);
        // A request that began before a reload, of the ruleset it replaced: answered, not kept.
        assertThat(answer(cache, "replaced", known).rulesetVersion()).isEqualTo("replaced");
        assertThat(evaluations).hasValue(1);
        assertThat(answer(cache, ruleset.version(), known)).isSameAs(answer);
        assertThat(evaluations).hasValue(1);
    }
}
