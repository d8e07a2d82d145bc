package org.ecawizard.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Keeps the ruleset in service. A candidate replaces it only when it compiles and its catalog is sound;
 * otherwise the ruleset in service keeps serving and the candidate's problems are kept to be shown.
 */
@Service
@EnableConfigurationProperties(RulesetProperties.class)
public class RulesetService {

    private static final Logger log = LoggerFactory.getLogger(RulesetService.class);

    private final RulesetProperties properties;
    private final RulesetCompiler compiler;
    private final Clock clock;
    private final AtomicReference<Ruleset> current = new AtomicReference<>();
    private final AtomicReference<FailedLoad> lastFailure = new AtomicReference<>();

    /** Compiles the rules at start-up; a broken ruleset stops the service with every problem. */
    public RulesetService(RulesetProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.compiler = new RulesetCompiler(properties.fireLimit(), clock);
        Ruleset ruleset = compiler.compile(RuleSource.of(properties.dir()));
        current.set(ruleset);
        log.info("Serving ruleset {} from {}: {} agencies", ruleset.version(), ruleset.source().location(),
                ruleset.catalog().size());
    }

    public Ruleset current() {
        return current.get();
    }

    /** The problems of the last candidate that was refused, or null when none has been since start-up. */
    public FailedLoad lastFailure() {
        return lastFailure.get();
    }

    /**
     * Compiles the rules again and, when they are sound, puts them in service.
     *
     * @return whether the candidate went into service
     */
    public boolean reload() {
        RuleSource source = RuleSource.of(properties.dir());
        try {
            Ruleset candidate = compiler.compile(source);
            Ruleset previous = current.getAndSet(candidate);
            lastFailure.set(null);
            previous.dispose();
            log.info("Serving ruleset {} (was {})", candidate.version(), previous.version());
            return true;
        } catch (InvalidRulesetException e) {
            lastFailure.set(new FailedLoad(source.version(), clock.instant(), e.problems()));
            log.warn("Kept ruleset {} in service; the candidate {} was refused. {}", current().version(),
                    source.version(), e.getMessage());
            return false;
        }
    }

    /** A candidate ruleset that was refused, and why. */
    public record FailedLoad(String version, Instant at, List<RuleProblem> problems) {
    }
}
