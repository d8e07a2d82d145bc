package org.ecawizard.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ecawizard.engine.EcaRules;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The ruleset in service, as the service sees it: the engine's {@link EcaRules} on the configured directory,
 * with the service's metrics. Every ruleset goes live through the engine's gate; a refused one leaves the ruleset
 * in service alone and is kept, with its problems, to be shown.
 */
@Service
public class RulesetService implements SmartInitializingSingleton {

    private final Opening opening;
    private final Timer reloads;
    private final Counter refused;
    // One row, valued 1, tagged with the version in service: summed over a fleet it shows a mixed fleet.
    private final MultiGauge inService;

    /**
     * The rules found at start-up, checked on a thread of their own ({@link RulesetOpening} starts them before Spring
     * makes any bean, so that the compile and the gate run beside the making of the rest of the service).
     *
     * @param properties where the rules are, and how they are watched
     * @param rules      the first ruleset, once it passed the gate
     */
    public record Opening(RulesetProperties properties, CompletableFuture<EcaRules> rules) {

        /** Starts checking the rules in {@code properties.dir()} (or the bundled ones when it does not exist). */
        public static Opening start(RulesetProperties properties, Clock clock) {
            return new Opening(properties, CompletableFuture.supplyAsync(() -> EcaRules.open(properties.dir(),
                    properties.fireLimit(), clock), task -> {
                        Thread checking = new Thread(task, "eca-rules-start");
                        checking.setDaemon(true);
                        checking.start();
                    }));
        }
    }

    /**
     * Takes the rules being checked; the start waits for the verdict once every other bean is made ({@link
     * #afterSingletonsInstantiated}), and a ruleset that does not pass the gate stops it with every problem.
     */
    public RulesetService(Opening opening, MeterRegistry metrics) {
        this.opening = opening;
        this.reloads = Timer.builder("eca.reloads").description("Reloads that went live, gate included")
                .register(metrics);
        this.refused = Counter.builder("eca.reloads.rejected").description("Candidate rulesets the gate refused")
                .register(metrics);
        this.inService = MultiGauge.builder("eca.ruleset").description("The ruleset in service, by its version")
                .register(metrics);
    }

    /** Before the service takes requests (and before Spring's start-only runs exit), the rules are in service. */
    @Override
    public void afterSingletonsInstantiated() {
        rules();
        showInService();
    }

    private void showInService() {
        inService.register(List.of(MultiGauge.Row.of(Tags.of("version", rules().version()), 1)), true);
    }

    /**
     * The engine the service answers with, once its first ruleset passed the gate.
     *
     * @throws org.ecawizard.engine.InvalidRulesetException when the rules found at start-up did not pass it
     */
    public EcaRules rules() {
        try {
            return opening.rules().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public RulesetProperties properties() {
        return opening.properties();
    }

    /**
     * Reads the rules again and, when they differ from the ruleset in service and pass the gate, puts them in
     * service.
     *
     * @return whether a new ruleset went into service
     */
    public boolean reload() {
        EcaRules.Reload reload = rules().reload();
        record(reload);
        return reload.outcome() == EcaRules.Reload.Outcome.LIVE;
    }

    /** Counts a reload, by hand or by the watch, in the service's metrics. */
    void record(EcaRules.Reload reload) {
        switch (reload.outcome()) {
            case LIVE -> {
                reloads.record(reload.took());
                showInService();
            }
            case REFUSED -> refused.increment();
            case UNCHANGED -> { }
        }
    }

}
