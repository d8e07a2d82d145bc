package org.ecawizard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ecawizard.advice.Advisor;
import org.ecawizard.check.CheckReport;
import org.ecawizard.check.Impact;
import org.ecawizard.check.RulesetGate;
import org.ecawizard.ruleset.InvalidRulesetException;
import org.ecawizard.ruleset.RuleProblem;
import org.ecawizard.ruleset.RuleSource;
import org.ecawizard.ruleset.Ruleset;
import org.ecawizard.ruleset.RulesetRetiredException;
import org.ecawizard.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Keeps the ruleset in service. A candidate goes live only through the {@link RulesetGate}; a refused one
 * leaves the ruleset in service alone and is kept, with its problems, to be shown.
 */
@Service
@EnableConfigurationProperties(RulesetProperties.class)
public class RulesetService {

    private static final Logger log = LoggerFactory.getLogger(RulesetService.class);

    private final RulesetProperties properties;
    private final RulesetGate gate;
    private final Clock clock;
    private final AtomicReference<Ruleset> current = new AtomicReference<>();
    // The gate's report on the ruleset in service: its answers are what the next ruleset's impact compares with.
    private volatile CheckReport serving;
    private volatile FailedLoad lastFailure;
    private volatile Activation lastActivation;
    private final ExecutorService afterwork = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ruleset-impact");
        thread.setDaemon(true);
        return thread;
    });
    private final Timer reloads;
    private final Counter refused;
    // One row, valued 1, tagged with the version in service: summed over a fleet it shows a mixed fleet.
    private final MultiGauge inService;

    /** Checks the rules at start-up; a ruleset that does not pass the gate stops the service with every problem. */
    public RulesetService(RulesetProperties properties, Advisor advisor, Clock clock, MeterRegistry metrics) {
        this.properties = properties;
        this.clock = clock;
        this.reloads = Timer.builder("eca.reloads").description("Reloads that went live, gate included")
                .register(metrics);
        this.refused = Counter.builder("eca.reloads.rejected").description("Candidate rulesets the gate refused")
                .register(metrics);
        this.inService = MultiGauge.builder("eca.ruleset").description("The ruleset in service, by its version")
                .register(metrics);
        this.gate = new RulesetGate(properties.fireLimit(), clock, advisor);
        long started = System.nanoTime();
        RuleSource source = RuleSource.of(properties.dir());
        CheckReport report = gate.check(source);
        if (!report.passed()) {
            discard(report);
            throw new InvalidRulesetException(source.location(), report.errors());
        }
        putInService(report);
        log.info("Serving ruleset {} from {}: {} agencies, {} scenarios passed, checked in {} ms", report.version(),
                source.location(), report.ruleset().catalog().size(), report.scenarios().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void putInService(CheckReport report) {
        report.warnings().forEach(warning -> log.warn("{}", warning));
        serving = report;
        current.set(report.ruleset());
        inService.register(List.of(MultiGauge.Row.of(Tags.of("version", report.version()), 1)), true);
    }

    public Ruleset current() {
        return current.get();
    }

    /** Runs {@code work} on the ruleset in service; when a reload retires it mid-way, runs it on the new one. */
    public <T> T withCurrent(Function<Ruleset, T> work) {
        while (true) {
            try {
                return work.apply(current.get());
            } catch (RulesetRetiredException e) {
                log.debug("Retrying on the new ruleset: {}", e.getMessage());
            }
        }
    }

    /** The analysts' scenarios of the ruleset in service. */
    public List<Scenario> scenarios() {
        return serving.scenarios();
    }

    /** The last candidate refused since the ruleset in service went live, or null. */
    public FailedLoad lastFailure() {
        return lastFailure;
    }

    /**
     * The last reload that went live, with what it changed, or null when none has since start-up; set a moment
     * after the ruleset goes live, once its impact is worked out.
     */
    public Activation lastActivation() {
        return lastActivation;
    }

    public RulesetProperties properties() {
        return properties;
    }

    /**
     * Reads the rules again and, when they differ from the ruleset in service and pass the gate, puts them in
     * service. Called by one thread at a time: the watcher.
     *
     * @return whether a new ruleset went into service
     */
    public synchronized boolean reload() {
        long started = System.nanoTime();
        CheckReport previous = serving;
        RuleSource source;
        try {
            // Never falls back to the bundled rules: a rules directory that vanished is a refused candidate.
            source = RuleSource.settled(properties.dir());
        } catch (UncheckedIOException e) {
            refused.increment();
            lastFailure = new FailedLoad("", clock.instant(),
                    List.of(new RuleProblem(properties.dir().toString(), 0, 0, e.getMessage())));
            log.warn("Kept ruleset {} in service: {}", previous.version(), e.getMessage());
            return false;
        }
        if (source.version().equals(previous.version())) {
            lastFailure = null; // the files are back to what is in service: no refused edit is pending
            return false;
        }
        CheckReport report = gate.check(source);
        if (!report.passed()) {
            discard(report);
            refused.increment();
            lastFailure = new FailedLoad(report.version(), clock.instant(), report.errors());
            log.warn("Kept ruleset {} in service; candidate {} was refused:\n{}", previous.version(),
                    report.version(), String.join("\n", report.errors().stream().map(RuleProblem::toString).toList()));
            return false;
        }
        putInService(report);
        lastFailure = null;
        long took = System.nanoTime() - started;
        reloads.record(took, TimeUnit.NANOSECONDS);
        log.info("Ruleset {} is in service, {} ms after the reload began; working out its impact", report.version(),
                TimeUnit.NANOSECONDS.toMillis(took));
        // The impact is worked out once the candidate serves, on a thread of its own, so that it delays neither
        // going live nor the next look at the rules; the retired ruleset is released once it has been compared.
        Instant activated = clock.instant();
        afterwork.execute(() -> {
            try {
                if (current.get() != report.ruleset()) {
                    return; // superseded by a later reload before its turn: the later one's impact is what counts
                }
                Impact impact = gate.impact(previous, report);
                lastActivation = new Activation(activated, impact);
                log.info("Serving ruleset {}: {}", report.version(), impact.summary());
                impact.changes().forEach(change -> change.differences().forEach(difference -> log.info(
                        "  {}: {}: {} -> {}", change.selection(), difference.part(), difference.before(),
                        difference.after())));
            } catch (RuntimeException e) {
                log.warn("The impact of ruleset {} could not be worked out: {}", report.version(), e.getMessage());
            } finally {
                previous.ruleset().dispose();
            }
        });
        return true;
    }

    private static void discard(CheckReport refused) {
        if (refused.ruleset() != null) {
            refused.ruleset().dispose();
        }
    }

    /** A candidate ruleset that was refused, and why. */
    public record FailedLoad(String version, Instant at, List<RuleProblem> problems) {
    }

    /** A ruleset that went live by a reload, and what it changed. */
    public record Activation(Instant at, Impact impact) {
    }
}
