package org.ecawizard.engine;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ecawizard.engine.internal.certificates.CertificateChecker;
import org.ecawizard.engine.internal.certificates.CertificateReader;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleFile;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetDisposedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECA rules in a JVM of your own: the one door into the engine, for a back end and for the eca-wizard
 * service alike. A ruleset goes into service only through the gate the service uses (every file compiles, the
 * catalog is sound, every scenario passes, no selection runs away); a refused one leaves the ruleset in service
 * alone. Safe to use from many threads; answers are immutable.
 *
 * <pre>{@code
 * try (EcaRules rules = EcaRules.bundled()) {
 *     Recommendation answer = rules.recommend(List.of("CANES", "JPAS"));
 *     answer.certificateTypes();   // [MEDIUM_TOKEN_ASSURANCE]: JPAS takes only Medium Token
 *     answer.rulesetVersion();     // the ruleset that answered
 * }
 * }</pre>
 */
public final class EcaRules implements AutoCloseable {

    /** Where the rules are read from, relative to the working directory, unless said otherwise. */
    public static final String DEFAULT_DIR = "rules";
    /** The most rule firings one evaluation may take, unless said otherwise. */
    public static final int DEFAULT_FIRE_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(EcaRules.class);

    private final Path dir;
    private final Clock clock;
    private final RulesetGate gate;
    private final CertificateChecker checker;
    private final Recommender recommender = new Recommender();
    private final AtomicReference<Ruleset> current = new AtomicReference<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    // The gate's report on the ruleset in service: its answers are what the next ruleset's impact compares with.
    private volatile GateReport serving;
    // Its answers without their traces, as recommend gives them.
    private volatile Map<Choice, Recommendation> answered;
    private volatile boolean checking;
    private volatile FailedLoad lastFailure;
    private volatile Activation lastActivation;
    private final ExecutorService afterwork = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ruleset-impact");
        thread.setDaemon(true);
        return thread;
    });

    private EcaRules(Path dir, RuleSource source, int fireLimit, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.gate = new RulesetGate(fireLimit, clock, recommender);
        this.checker = new CertificateChecker(recommender, clock);
        long started = System.nanoTime();
        GateReport report = gate.inspect(source);
        if (!report.passed()) {
            discard(report);
            afterwork.shutdownNow();
            throw new InvalidRulesetException(source.location(), report.errors());
        }
        putInService(report);
        log.info("Serving ruleset {} from {}: {} agencies, {} scenarios passed, checked in {} ms", report.version(),
                source.location(), report.ruleset().catalog().size(), report.scenarios().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The rules bundled in the jar, through the gate.
     *
     * @return the rules, in service until {@link #close()}
     * @throws InvalidRulesetException when the bundled rules do not pass the gate (a broken build)
     */
    public static EcaRules bundled() {
        return new EcaRules(null, RuleSource.bundled(), DEFAULT_FIRE_LIMIT, Clock.systemUTC());
    }

    /**
     * The rules in {@code dir} (links followed, as git-sync and Kubernetes deliver them), which {@link #reload()}
     * reads again.
     *
     * @param dir the rules directory: {@code .drl} files, the catalog's scenarios, in folders of any depth
     * @return the rules, in service until {@link #close()}
     * @throws InvalidRulesetException with every problem, each at its file and line, when they do not pass the gate
     * @throws UncheckedIOException    when the directory cannot be read
     */
    public static EcaRules load(Path dir) {
        return open(dir, DEFAULT_FIRE_LIMIT, Clock.systemUTC(), false);
    }

    /**
     * The rules in {@code dir}, or the bundled rules when it does not exist (the service's start); with this fire
     * limit, and this clock for the certificate check's days left.
     *
     * @param dir       the rules directory, which {@link #reload()} reads again
     * @param fireLimit the most rule firings one evaluation may take before it is stopped as a runaway
     * @param clock     the time of answers, of reloads and of the certificate check's days left
     * @return the rules, in service until {@link #close()}
     * @throws InvalidRulesetException with every problem, each at its file and line, when they do not pass the gate
     */
    public static EcaRules open(Path dir, int fireLimit, Clock clock) {
        return open(dir, fireLimit, clock, true);
    }

    private static EcaRules open(Path dir, int fireLimit, Clock clock, boolean orBundled) {
        return new EcaRules(dir, orBundled ? RuleSource.of(dir) : RuleSource.settled(dir), fireLimit, clock);
    }

    private void putInService(GateReport report) {
        report.warnings().forEach(warning -> log.warn("{}", warning));
        Map<Choice, Recommendation> untraced = new HashMap<>();
        report.answers().forEach((choice, answer) -> untraced.put(choice, answer.withTrace(null)));
        answered = Map.copyOf(untraced);
        serving = report;
        current.set(report.ruleset());
    }

    /**
     * The version of the ruleset in service.
     *
     * @return a digest of its files, the same for the same files wherever they are read
     */
    public String version() {
        return current().version();
    }

    /**
     * What the gate answered the ruleset in service before it went live: each agency alone and each pair (codes in
     * catalog order; pairs up to 200 agencies), with both residency answers, and each scenario's selection; at most
     * 2,000 of them. Each is the answer {@link #recommend(Choice, boolean)} gives that choice without a trace, so an
     * answer cache may start from them.
     *
     * @return the answers by choice, each naming its ruleset's version
     */
    public Map<Choice, Recommendation> answered() {
        return answered;
    }

    /**
     * The agency applications the ruleset in service declares.
     *
     * @return each with its code, name and what its sources state of each certificate type
     */
    public List<Agency> agencies() {
        return current().catalog().all();
    }

    /**
     * What to buy for these applications, for a buyer who resides in the U.S.
     *
     * @param agencies the codes of the applications the buyer must reach (see {@link #agencies()}), matched trimmed
     *                 and case-insensitively, as the service matches them
     * @return the answer: the types all of them are stated to accept, what to buy, and why, with its ruleset
     * @throws org.ecawizard.engine.SelectionRefusedException when the selection is empty, too large, or names an
     *                                                        unknown code (with the codes probably meant)
     */
    public Recommendation recommend(List<String> agencies) {
        return recommend(agencies, true);
    }

    /**
     * What to buy for these applications and this residency; see {@link #recommend(List)}.
     *
     * @param agencies    the codes of the applications the buyer must reach
     * @param residesInUs whether the buyer resides in the U.S. (some applications state otherwise for others)
     * @return the answer
     */
    public Recommendation recommend(List<String> agencies, boolean residesInUs) {
        return recommend(Choice.of(agencies, residesInUs), false);
    }

    /**
     * What to buy for this choice; see {@link #recommend(List)}.
     *
     * @param choice the applications and the buyer's residency
     * @param trace  whether the answer lists the rules that fired, in order, each with its file
     * @return the answer
     */
    public Recommendation recommend(Choice choice, boolean trace) {
        return withCurrent(ruleset -> recommender.recommend(ruleset, choice, trace));
    }

    /**
     * Whether a certificate the buyer holds will do for these applications.
     *
     * @param certificate the certificate's file, PEM or DER (a public certificate; never a private key)
     * @param agencies    the codes of the applications the buyer must reach
     * @param residesInUs whether the buyer resides in the U.S.
     * @return the verdict for each application, with the certificate's type and validity as read
     * @throws org.ecawizard.engine.CertificateRefusedException when the file is not a readable public certificate
     */
    public CertificateCheck checkCertificate(byte[] certificate, List<String> agencies, boolean residesInUs) {
        return checkCertificate(certificate, Choice.of(agencies, residesInUs));
    }

    /**
     * As {@link #checkCertificate(byte[], List, boolean)}, for a choice.
     *
     * @param certificate the certificate's file, PEM or DER
     * @param choice      the applications and the buyer's residency
     * @return the verdict for each application
     */
    public CertificateCheck checkCertificate(byte[] certificate, Choice choice) {
        var held = CertificateReader.read(certificate);
        return withCurrent(ruleset -> checker.check(ruleset, choice, held));
    }

    /**
     * The ruleset in service and how its last changes went, as one value.
     *
     * @return its version, where it was read, its files and agencies, the last refused candidate and the last reload
     *         that went live
     */
    public Status status() {
        Ruleset ruleset = current.get();
        return new Status(ruleset.version(), ruleset.loadedAt(), ruleset.source().location(),
                ruleset.source().files().stream().map(RuleFile::path).toList(), ruleset.catalog().all(),
                lastFailure, lastActivation);
    }

    /** The ruleset in service; a reload may retire it while it is used (see {@link #withCurrent}). */
    Ruleset current() {
        return current.get();
    }

    /** Runs {@code work} on the ruleset in service; when a reload retires it mid-way, runs it on the new one. */
    private <T> T withCurrent(Function<Ruleset, T> work) {
        while (true) {
            if (closed) {
                throw new IllegalStateException("These rules are closed");
            }
            try {
                return work.apply(current.get());
            } catch (RulesetDisposedException e) {
                log.debug("Retrying on the new ruleset: {}", e.getMessage());
            }
        }
    }

    /**
     * The analysts' scenarios of the ruleset in service, all of which passed the gate.
     *
     * @return each scenario with its file and line
     */
    public List<Scenario> scenarios() {
        return serving.scenarios();
    }

    /**
     * Whether a reload is putting a candidate ruleset through the gate now: a service under load may give the gate
     * the cores first, so that the change arrives soon.
     *
     * @return true from the gate's start to its verdict
     */
    public boolean checking() {
        return checking;
    }

    /**
     * Reads the rules directory again and, when its files differ from the ruleset in service and pass the gate,
     * puts them in service; otherwise the ruleset in service stays. One reload runs at a time.
     *
     * @return what the reload did: {@code LIVE}, {@code REFUSED} with the problems, or {@code UNCHANGED} (also for
     *         the bundled rules, which never change)
     * @throws IllegalStateException when these rules are closed
     */
    public synchronized Reload reload() {
        if (closed) {
            throw new IllegalStateException("These rules are closed");
        }
        long started = System.nanoTime();
        GateReport previous = serving;
        if (dir == null) {
            return reloaded(Reload.Outcome.UNCHANGED, previous.version(), List.of(), started);
        }
        RuleSource source;
        try {
            // Never falls back to the bundled rules: a rules directory that vanished is a refused candidate.
            source = RuleSource.settled(dir);
        } catch (UncheckedIOException e) {
            lastFailure = new FailedLoad("", clock.instant(), List.of(new RuleProblem("unreadable", dir.toString(), 0,
                    0,
                    e.getMessage())));
            log.warn("Kept ruleset {} in service: {}", previous.version(), e.getMessage());
            return reloaded(Reload.Outcome.REFUSED, "", lastFailure.problems(), started);
        }
        if (source.version().equals(previous.version())) {
            lastFailure = null; // the files are back to what is in service: no refused edit is pending
            return reloaded(Reload.Outcome.UNCHANGED, previous.version(), List.of(), started);
        }
        GateReport report;
        checking = true;
        try {
            report = gate.inspect(source, previous);
        } finally {
            checking = false;
        }
        if (!report.passed()) {
            discard(report);
            lastFailure = new FailedLoad(report.version(), clock.instant(), report.errors());
            log.warn("Kept ruleset {} in service; candidate {} was refused:\n{}", previous.version(),
                    report.version(), String.join("\n", report.errors().stream().map(RuleProblem::toString).toList()));
            return reloaded(Reload.Outcome.REFUSED, report.version(), report.errors(), started);
        }
        // Cleared first: what was said of the ruleset going out is never shown beside the one coming in.
        lastFailure = null;
        lastActivation = null;
        putInService(report);
        log.info("Ruleset {} is in service, {} ms after its files were read ({} answers to agencies alone and pairs"
                + " taken from {}, whose files for them are the same); working out its impact", report.version(),
                (System.nanoTime() - started) / 1_000_000, report.reused(), previous.version());
        // The impact is worked out once the candidate serves, on a thread of its own, so that it delays neither
        // going live nor the next reload; the retired ruleset is released once it has been compared.
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
        return reloaded(Reload.Outcome.LIVE, report.version(), List.of(), started);
    }

    private static Reload reloaded(Reload.Outcome outcome, String version, List<RuleProblem> problems, long started) {
        return new Reload(outcome, version, problems, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Watches the rules directory and reloads once an edit has settled, off the caller's thread; the gate decides
     * what goes live. It reads the files rather than waiting for file-system events, which miss how rules are
     * delivered: git-sync swaps the link the directory is, a Kubernetes ConfigMap swaps its {@code ..data} link,
     * an operator deletes the directory and creates it again. A swapped link is a whole delivery and is reloaded
     * at once; other changes wait until the files have been quiet for {@code debounce}. A directory that cannot be
     * read counts as a change: its reload is refused and says why.
     *
     * <pre>{@code
     * EcaRules.Watch watch = rules.watch(Duration.ofMillis(100), Duration.ofMillis(300),
     *         reload -> log.info("rules {}: {}", reload.version(), reload.outcome()));
     * }</pre>
     *
     * @param poll     how often the directory is looked at (its files' sizes and times; the files themselves are
     *                 read when those change, and at least once a second)
     * @param debounce how long the files must be quiet before they are reloaded, so that a save in several
     *                 writes, or several files saved together, are read once
     * @param onReload told of every reload the watch makes, on the watch's thread
     * @return the watch; closing it, or these rules, stops it
     * @throws IllegalStateException when these are the bundled rules (no directory), or they are closed
     */
    public synchronized Watch watch(Duration poll, Duration debounce, Consumer<Reload> onReload) {
        if (closed) {
            throw new IllegalStateException("These rules are closed");
        }
        if (dir == null) {
            throw new IllegalStateException("These are the bundled rules: there is no directory to watch");
        }
        DirectoryWatch watch = new DirectoryWatch(dir, version(), poll, debounce, () -> {
            if (!closed) { // closing stops the watch's next look, not one already under way
                onReload.accept(reload());
            }
        });
        watches.add(watch);
        return watch;
    }

    /**
     * Stops the watches and the impact worker and releases the ruleset in service, once a reload under way has
     * finished; asking afterwards throws {@link IllegalStateException}. Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watches.forEach(Watch::close);
        afterwork.shutdownNow();
        current.get().dispose();
    }

    private static void discard(GateReport refused) {
        if (refused.ruleset() != null) {
            refused.ruleset().dispose();
        }
    }

    /**
     * What a {@link #reload()} did.
     *
     * @param outcome  whether the candidate went live, was refused, or was the ruleset in service already
     * @param version  the candidate's version (empty when the directory could not be read)
     * @param problems why it was refused, each at its file and line; empty otherwise
     * @param took     how long the reload took, the gate included
     */
    public record Reload(Outcome outcome, String version, List<RuleProblem> problems, Duration took) {

        /** What became of the candidate. */
        public enum Outcome {
            /** It passed the gate and serves now. */
            LIVE,
            /** It did not pass the gate; the ruleset in service stays. */
            REFUSED,
            /** Its files are those in service: nothing to do. */
            UNCHANGED
        }
    }

    /** A watch on the rules directory (see {@link #watch}). */
    public interface Watch extends AutoCloseable {

        /** Stops watching; a reload under way finishes. */
        @Override
        void close();
    }

    /**
     * A candidate ruleset that was refused.
     *
     * @param version  its version (empty when the directory could not be read)
     * @param at       when it was refused
     * @param problems why, each at its file and line
     */
    public record FailedLoad(String version, Instant at, List<RuleProblem> problems) {
    }

    /**
     * A ruleset that went live by a reload.
     *
     * @param at     when it went live
     * @param impact whose answers it changed, against the ruleset it replaced
     */
    public record Activation(Instant at, Impact impact) {
    }

    /**
     * The ruleset in service, as {@link #status()} gives it.
     *
     * @param version        a digest of its files, the same for the same files wherever they are read
     * @param loadedAt       when it was read
     * @param location       where it was read: a directory, or {@code classpath:bundled-rules} for the bundled rules
     * @param files          its files, relative to that location, sorted
     * @param agencies       the agency applications it declares, each with what its sources state of each type
     * @param lastFailedLoad the last candidate refused since it went live; null when none is
     * @param lastActivation the reload that put it live, with what that changed; null for the one read at opening,
     *                       and after a reload until its impact is worked out (for good when it could not be)
     */
    public record Status(String version, Instant loadedAt, String location, List<String> files, List<Agency> agencies,
                         FailedLoad lastFailedLoad, Activation lastActivation) {
    }
}
