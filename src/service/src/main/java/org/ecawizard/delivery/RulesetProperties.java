package org.ecawizard.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.ecawizard.engine.EcaRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules' settings ({@code eca.rules.*}), bound by {@link RulesetOpening} before Spring makes any bean, so that
 * the rules are checked while it does.
 *
 * @param dir       the rules directory; when it does not exist, the copy bundled in the jar serves
 * @param fireLimit the most rule firings one evaluation may take before it is stopped as a runaway; the engine's
 *                  default when not set
 * @param watch     whether edits under {@code dir} are picked up while the service runs
 * @param debounce  how long the files must be quiet before a candidate is built, so that a file saved in
 *                  several writes, or several files saved together, are read once
 * @param poll      how often the directory is read to see whether the rules changed
 * @param requestsWhileChecking the most requests to {@code /api/} answered at once while a candidate is in the gate
 *                  (the others wait their turn), so that a loaded replica leaves the gate more of the cores; 0 for
 *                  no limit
 */
@ConfigurationProperties("eca.rules")
public record RulesetProperties(@DefaultValue(EcaRules.DEFAULT_DIR) Path dir,
                                Integer fireLimit,
                                @DefaultValue("true") boolean watch, @DefaultValue("300ms") Duration debounce,
                                @DefaultValue("100ms") Duration poll,
                                @DefaultValue("1") int requestsWhileChecking) {

    public RulesetProperties {
        fireLimit = fireLimit == null ? EcaRules.DEFAULT_FIRE_LIMIT : fireLimit;
        if (requestsWhileChecking < 0) {
            throw new IllegalArgumentException("eca.rules.requests-while-checking is at least 0, not "
                    + requestsWhileChecking);
        }
    }
}
