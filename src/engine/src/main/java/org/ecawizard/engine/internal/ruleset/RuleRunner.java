package org.ecawizard.engine.internal.ruleset;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.RulesDidNotSettleException;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/** Runs facts through a rule base: a clean session per run, fired at most {@code fireLimit} times. */
final class RuleRunner {

    private final KieSessionsPool sessions;
    private final RuleIndex index;
    private final int fireLimit;

    /**
     * Sessions come from a pool: a pooled session is reset and reused rather than built per request; the
     * container shuts the pool down when it is disposed.
     */
    RuleRunner(KieContainer container, RuleIndex index, int fireLimit) {
        this.sessions = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.index = index;
        this.fireLimit = fireLimit;
    }

    Evaluation evaluate(List<?> facts) {
        KieSession session = sessions.newKieSession();
        ConclusionRecorder recorder = new ConclusionRecorder(index);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        session.addEventListener((AgendaEventListener) recorder);
        try {
            facts.forEach(session::insert);
            session.fireAllRules(fireLimit);
        } finally {
            // A pooled session keeps its listeners through the reset; this recorder belongs to this run only.
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.removeEventListener((AgendaEventListener) recorder);
            session.dispose();
        }
        Evaluation evaluation = recorder.evaluation();
        if (evaluation.fired().size() >= fireLimit) {
            Map.Entry<RuleLocation, Long> busiest = evaluation.fired().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            throw new RulesDidNotSettleException(fireLimit, busiest.getKey(), busiest.getValue());
        }
        return evaluation;
    }
}
