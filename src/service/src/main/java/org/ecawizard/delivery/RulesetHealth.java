package org.ecawizard.delivery;

import java.util.Map;
import org.ecawizard.engine.EcaRules;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health and info about the ruleset in service: readiness includes its version and whether the last reload was
 * refused, and {@code /actuator/info} names it. A service is never up without one: it does not start on rules that
 * fail the gate.
 */
@Component("ruleset")
class RulesetHealth implements HealthIndicator, InfoContributor {

    private final RulesetService rulesets;

    RulesetHealth(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public Health health() {
        // The service does not start without a ruleset that passed the gate, so one is always in service.
        EcaRules.Status ruleset = rulesets.rules().status();
        return Health.up().withDetail("version", ruleset.version())
                .withDetail("lastReloadRefused", ruleset.lastFailedLoad() != null).build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        EcaRules.Status ruleset = rulesets.rules().status();
        builder.withDetail("ruleset", Map.of("version", ruleset.version(), "location", ruleset.location(),
                "loadedAt", ruleset.loadedAt().toString(), "agencies", ruleset.agencies().size()));
    }
}
