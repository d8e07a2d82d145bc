package org.ecawizard.live;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir       the rules directory; when it does not exist, the copy bundled in the jar serves
 * @param fireLimit the most rule firings one evaluation may take before it is stopped as a runaway
 * @param watch     whether edits under {@code dir} are picked up while the service runs
 * @param debounce  how long the files must be quiet before a candidate is built, so that a file saved in
 *                  several writes, or several files saved together, are read once
 * @param poll      how often the directory is read to see whether the rules changed
 */
@ConfigurationProperties("eca.rules")
public record RulesetProperties(@DefaultValue(DIR) Path dir, @DefaultValue(FIRE_LIMIT) int fireLimit,
                                @DefaultValue("true") boolean watch, @DefaultValue("300ms") Duration debounce,
                                @DefaultValue("100ms") Duration poll) {

    /** The defaults, written once: the service binds them, and the check command starts from them. */
    static final String DIR = "rules";
    static final String FIRE_LIMIT = "1000";
}
