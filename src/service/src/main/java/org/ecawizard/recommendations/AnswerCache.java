package org.ecawizard.recommendations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers already given, by ruleset version and choice: the rules are deterministic, so the same choice on the
 * same ruleset gets the same answer, and a new ruleset starts a new cache, from the answers its gate gave (every
 * agency alone and every pair, both residency answers), so that the common questions never reach a session.
 * Bounded: past {@code maxEntries} an arbitrary entry makes room; 0 turns the cache off. Hits and misses are metrics
 * ({@code eca.answers.cache}).
 */
@Component
public class AnswerCache implements MeterBinder {

    private final int maxEntries;
    private final Supplier<Map<Choice, Recommendation>> firstAnswers;
    private final Function<Recommendation, Answer> writer;
    private final Map<Choice, Answer> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile String version = "";

    /**
     * A cache that starts each ruleset version from what the gate answered it before it went live.
     *
     * @param maxEntries the most answers it keeps; 0 turns it off
     * @param rulesets   the rules in service, whose gate's answers a new version starts from
     * @param writer     writes each answer as it goes out, once
     */
    @Autowired
    AnswerCache(@Value("${eca.answers.cache-size:10000}") int maxEntries, RulesetService rulesets,
                AnswerWriter writer) {
        this(maxEntries, () -> rulesets.rules().answered(), writer::write);
    }

    /**
     * @param maxEntries   the most answers it keeps; 0 turns it off
     * @param firstAnswers the answers of the ruleset in service, which its version starts from; a version they are not
     *                     of is answered but not kept
     * @param writer       writes each answer as it goes out, once
     */
    public AnswerCache(int maxEntries, Supplier<Map<Choice, Recommendation>> firstAnswers,
                Function<Recommendation, Answer> writer) {
        this.maxEntries = maxEntries;
        this.firstAnswers = firstAnswers;
        this.writer = writer;
    }

    /** The answer for this choice on this ruleset version, computed by {@code answer} when not known yet. */
    public Answer get(String rulesetVersion, Choice choice, Supplier<Recommendation> answer) {
        if (maxEntries == 0) {
            misses.increment();
            return writer.apply(answer.get());
        }
        boolean replaced = false;
        if (!rulesetVersion.equals(version)) {
            synchronized (this) {
                if (!rulesetVersion.equals(version)) {
                    Map<Choice, Recommendation> first = firstAnswers.get();
                    // Asked of a ruleset already replaced (the request began before a reload): answered, not kept.
                    replaced = first.values().stream()
                            .anyMatch(known -> !known.rulesetVersion().equals(rulesetVersion));
                    if (!replaced) {
                        answers.clear();
                        first.forEach((given, givenAnswer) -> {
                            if (answers.size() < maxEntries) {
                                answers.put(given, writer.apply(givenAnswer));
                            }
                        });
                        version = rulesetVersion;
                    }
                }
            }
        }
        if (replaced) {
            misses.increment();
            return writer.apply(answer.get());
        }
        Answer known = answers.get(choice);
        if (known != null && known.recommendation().rulesetVersion().equals(rulesetVersion)) {
            hits.increment();
            return known;
        }
        misses.increment();
        Answer fresh = writer.apply(answer.get());
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
