package org.ecawizard.recommendations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.delivery.RulesetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers already given, by ruleset version and choice: the rules are deterministic, so the same choice on the
 * same ruleset gets the same answer, and a new ruleset starts a new cache, from the answers its gate gave (every
 * agency alone and every pair, both residency answers), so that the common questions never reach a session. Bounded: past {@code maxEntries}
 * an arbitrary entry makes room; 0 turns the cache off. Hits and misses are metrics ({@code eca.answers.cache}).
 */
@Component
public class AnswerCache implements MeterBinder {

    private final int maxEntries;
    private final Supplier<Map<Choice, Recommendation>> firstAnswers;
    private final Map<Choice, Recommendation> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile String version = "";

    /**
     * A cache that starts each ruleset version from what the gate answered it before it went live.
     *
     * @param maxEntries the most answers it keeps; 0 turns it off
     * @param rulesets   the rules in service, whose gate's answers a new version starts from
     */
    @Autowired
    public AnswerCache(@Value("${eca.answers.cache-size:10000}") int maxEntries, RulesetService rulesets) {
        this(maxEntries, () -> rulesets.rules().answered());
    }

    /**
     * @param maxEntries   the most answers it keeps; 0 turns it off
     * @param firstAnswers answers a new version starts from (those of another version are left out)
     */
    public AnswerCache(int maxEntries, Supplier<Map<Choice, Recommendation>> firstAnswers) {
        this.maxEntries = maxEntries;
        this.firstAnswers = firstAnswers;
    }

    /** The answer for this choice on this ruleset version, computed by {@code answer} when not known yet. */
    public Recommendation get(String rulesetVersion, Choice choice, Supplier<Recommendation> answer) {
        if (maxEntries == 0) {
            misses.increment();
            return answer.get();
        }
        if (!rulesetVersion.equals(version)) {
            synchronized (this) {
                if (!rulesetVersion.equals(version)) {
                    answers.clear();
                    firstAnswers.get().forEach((given, givenAnswer) -> {
                        if (answers.size() < maxEntries && givenAnswer.rulesetVersion().equals(rulesetVersion)) {
                            answers.put(given, givenAnswer);
                        }
                    });
                    version = rulesetVersion;
                }
            }
        }
        Recommendation known = answers.get(choice);
        if (known != null && known.rulesetVersion().equals(rulesetVersion)) {
            hits.increment();
            return known;
        }
        misses.increment();
        Recommendation fresh = answer.get();
        if (answers.size() >= maxEntries) {
            Iterator<Choice> any = answers.keySet().iterator();
            if (any.hasNext()) {
                answers.remove(any.next());
            }
        }
        answers.put(choice, fresh);
        return fresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("eca.answers.cache", hits, LongAdder::sum).tag("result", "hit")
                .description("Recommendations answered from the cache").register(registry);
        FunctionCounter.builder("eca.answers.cache", misses, LongAdder::sum).tag("result", "miss")
                .description("Recommendations the rules had to evaluate").register(registry);
        Gauge.builder("eca.answers.cache.size", answers, Map::size).register(registry);
    }
}
