package org.ecawizard.web;

import java.util.Map;
import org.ecawizard.live.RulesetService;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health and info about the ruleset in service: the service is ready only while a ruleset serves (readiness
 * includes this indicator), and {@code /actuator/info} names its version.
 */
@Component("ruleset")
class RulesetHealth implements HealthIndicator, InfoContributor {

    private final RulesetService rulesets;

    RulesetHealth(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public Health health() {
        Ruleset ruleset = rulesets.current();
        if (ruleset == null) {
            return Health.outOfService().withDetail("ruleset", "none in service").build();
        }
        return Health.up().withDetail("version", ruleset.version())
                .withDetail("lastReloadRefused", rulesets.lastFailure() != null).build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        Ruleset ruleset = rulesets.current();
        builder.withDetail("ruleset", Map.of("version", ruleset.version(), "location", ruleset.source().location(),
                "loadedAt", ruleset.loadedAt().toString(), "agencies", ruleset.catalog().size()));
    }
}
