package org.ecawizard.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.EcaRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The ruleset in service, as the service sees it: the engine's {@link EcaRules} on the configured directory,
 * with the service's metrics. Every ruleset goes live through the engine's gate; a refused one leaves the ruleset
 * in service alone and is kept, with its problems, to be shown.
 */
@Service
@EnableConfigurationProperties(RulesetProperties.class)
public class RulesetService {

    private final RulesetProperties properties;
    private final EcaRules rules;
    private final Timer reloads;
    private final Counter refused;
    // One row, valued 1, tagged with the version in service: summed over a fleet it shows a mixed fleet.
    private final MultiGauge inService;

    /** Checks the rules at start-up; a ruleset that does not pass the gate stops the service with every problem. */
    public RulesetService(RulesetProperties properties, Clock clock, MeterRegistry metrics) {
        this.properties = properties;
        this.reloads = Timer.builder("eca.reloads").description("Reloads that went live, gate included")
                .register(metrics);
        this.refused = Counter.builder("eca.reloads.rejected").description("Candidate rulesets the gate refused")
                .register(metrics);
        this.inService = MultiGauge.builder("eca.ruleset").description("The ruleset in service, by its version")
                .register(metrics);
        this.rules = EcaRules.open(properties.dir(), properties.fireLimit(), clock);
        showInService();
    }

    private void showInService() {
        inService.register(List.of(MultiGauge.Row.of(Tags.of("version", rules.version()), 1)), true);
    }

    /** The engine the service answers with. */
    public EcaRules rules() {
        return rules;
    }

    public RulesetProperties properties() {
        return properties;
    }

    /**
     * Reads the rules again and, when they differ from the ruleset in service and pass the gate, puts them in
     * service.
     *
     * @return whether a new ruleset went into service
     */
    public boolean reload() {
        EcaRules.Reload reload = rules.reload();
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

    @PreDestroy
    void close() {
        rules.close();
    }
}
