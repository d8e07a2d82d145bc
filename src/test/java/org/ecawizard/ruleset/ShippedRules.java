package org.ecawizard.ruleset;

import java.nio.file.Path;
import java.time.Clock;

/** The repository's own rules, compiled once for the tests that read answers off them. */
public final class ShippedRules {

    public static final Path DIR = Path.of("rules");
    private static Ruleset ruleset;

    private ShippedRules() {
    }

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = new RulesetCompiler(1000, Clock.systemUTC()).compile(RuleSource.fromDirectory(DIR));
        }
        return ruleset;
    }
}
