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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers already given, by ruleset version and choice: the rules are deterministic, so the same choice on the
 * same ruleset gets the same answer, and a new ruleset starts a new cache. Bounded: past {@code maxEntries}
 * an arbitrary entry makes room; 0 turns the cache off. Hits and misses are metrics ({@code eca.answers.cache}).
 */
@Component
public class AnswerCache implements MeterBinder {

    private final int maxEntries;
    private final Map<Choice, Recommendation> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile String version = "";

    public AnswerCache(@Value("${eca.answers.cache-size:10000}") int maxEntries) {
        this.maxEntries = maxEntries;
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
