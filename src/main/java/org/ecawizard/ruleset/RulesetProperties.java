package org.ecawizard.ruleset;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir       the rules directory; when it does not exist, the copy bundled in the jar serves
 * @param fireLimit the most rule firings one evaluation may take before it is stopped as a runaway
 */
@ConfigurationProperties("eca.rules")
public record RulesetProperties(@DefaultValue("rules") Path dir, @DefaultValue("1000") int fireLimit) {
}
