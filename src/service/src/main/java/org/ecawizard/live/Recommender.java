package org.ecawizard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.engine.EcaRules;
import org.springframework.stereotype.Component;

/**
 * Answers a choice for a caller of the service: from the cache when the same choice was answered on the same
 * ruleset, afresh with the rules that fired when a trace is asked for; every answer timed
 * ({@code eca.recommendations}) and what it buys counted ({@code eca.purchases}).
 */
@Component
public class Recommender {

    private final EcaRules rules;
    private final AnswerCache cache;
    private final MeterRegistry metrics;
    private final Timer timer;

    public Recommender(RulesetService rulesets, AnswerCache cache, MeterRegistry metrics) {
        this.rules = rulesets.rules();
        this.cache = cache;
        this.metrics = metrics;
        this.timer = Timer.builder("eca.recommendations").description("Recommendations answered")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /**
     * @param trace whether the answer lists the rules that fired; such an answer is never cached. An answer
     *              computed while a reload puts a new ruleset live names the new version, and the cache keeps it
     *              only for that version.
     */
    public Recommendation recommend(Choice choice, boolean trace) {
        Recommendation answer = timer.record(() -> trace ? rules.recommend(choice, true)
                : cache.get(rules.version(), choice, () -> rules.recommend(choice, false)));
        answer.purchase().forEach(bought -> metrics.counter("eca.purchases", "type", bought.fact().type()).increment());
        return answer;
    }
}
