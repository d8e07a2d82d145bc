package org.ecawizard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ecawizard.engine.internal.gate.Coverage;
import org.ecawizard.engine.internal.gate.GateReport;
import org.ecawizard.engine.internal.gate.RulesetGate;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetCompiler;

/**
 * The analysts' check (see {@link CheckOptions}). Runs the gate a reload runs, prints each problem as
 * {@code file:line:column: error|warning: message} and a summary; with {@code --against} prints every selection
 * whose answer differs from the rules in OTHER_DIR, with {@code --replay} every logged decision that would change,
 * with {@code --explain CODE} that agency's file read back in plain words.
 * Exits 0 when the rules could go live, 1 when they could not, 2 on a usage error.
 */
public final class CheckCommand {

    /** This engine's version, as its build wrote it beside this class. */
    static final String VERSION = version();

    private CheckCommand() {
    }

    /**
     * The engine's executable jar: {@code check [options]} runs the check, prints its report and exits with its
     * code (see {@link #run}); {@code --version} prints the version. The engine's logs are off: the report is the
     * command's whole output.
     *
     * @param args {@code check} and its options, or {@code --version}
     */
    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        List<String> all = List.of(args);
        if (!all.isEmpty() && all.get(0).equals("check")) {
            System.exit(run(all.subList(1, all.size()), System.out, System.err));
        }
        if (all.equals(List.of("--version")) || all.equals(List.of("--help"))) {
            System.exit(run(all, System.out, System.err));
        }
        System.exit(usageError(all.isEmpty() ? "no command given" : "unknown command " + all.get(0), System.err));
    }

    /**
     * Runs the check.
     *
     * @param args the command's arguments (see {@link CheckOptions})
     * @param out  where the report is printed, in the format asked for
     * @param err  where a usage error is said, so that it never lands in a report a tool reads
     * @return the exit code: 0 when the rules could go live, 1 when they could not, 2 on a usage error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.equals(List.of("--version"))) {
            out.println("eca-wizard check " + VERSION);
            return 0;
        }
        if (args.equals(List.of("--help"))) {
            out.println(CheckOptions.USAGE);
            return 0;
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), err);
        }
        List<Path> dirs = new ArrayList<>(List.of(options.rules()));
        if (options.against() != null) {
            dirs.add(options.against());
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                return usageError("no rules directory at " + dir, err);
            }
        }
        if (options.replay() != null && !Files.isRegularFile(options.replay())) {
            return usageError("no decision log at " + options.replay(), err);
        }
        return check(options, out);
    }

    private static int check(CheckOptions options, PrintStream out) {
        Recommender recommender = new Recommender();
        RulesetGate gate = new RulesetGate(options.fireLimit(), Clock.systemUTC(), recommender,
                options.requireScenarios());
        GateReport report;
        try {
            report = gate.inspect(RuleSource.fromDirectory(options.rules()));
        } catch (UncheckedIOException e) {
            // A file that cannot be read is a problem of the rules like any other, in every format.
            report = new GateReport("", null, List.of(new RuleProblem("unreadable", options.rules().toString(), 0, 0,
                    e.getMessage())), List.of(), List.of(), 0, Map.of(), null, 0);
        }
        Ruleset ruleset = report.ruleset();
        try {
            Checked checked = new Checked(options, report, impact(gate, report, options),
                    options.replay() == null ? List.of() : ruleset == null
                            ? List.of("replay: not run: the rules do not compile")
                            : Replay.of(ruleset, options.replay(), recommender),
                    explanation(ruleset, recommender, options.explain()));
            switch (options.format()) {
                case TEXT -> printText(checked, out);
                case SARIF -> out.println(SarifReport.of(checked));
                case MARKDOWN -> out.print(MarkdownReport.of(checked));
            }
            return checked.exitCode();
        } finally {
            if (ruleset != null) {
                ruleset.dispose();
            }
        }
    }

    /** The impact against {@code --against}, or why there is none; null when it was not asked for. */
    private static Checked.Compared impact(RulesetGate gate, GateReport report, CheckOptions options) {
        if (options.against() == null) {
            return null;
        }
        if (report.ruleset() == null) {
            return new Checked.Compared(null, "the rules do not compile", List.of());
        }
        Ruleset before;
        try {
            before = new RulesetCompiler(options.fireLimit(), Clock.systemUTC())
                    .compile(RuleSource.fromDirectory(options.against()));
        } catch (UncheckedIOException e) {
            return new Checked.Compared(null, e.getMessage(), List.of());
        } catch (InvalidRulesetException e) {
            return new Checked.Compared(null, "the rules in " + options.against() + " do not compile",
                    e.problems());
        }
        try {
            return new Checked.Compared(gate.impact(GateReport.of(before), report), null, List.of());
        } finally {
            before.dispose();
        }
    }

    private static Checked.Explained explanation(Ruleset ruleset, Recommender recommender, String code) {
        if (code == null) {
            return new Checked.Explained(List.of(), true);
        }
        if (ruleset == null) {
            return new Checked.Explained(List.of("explain: not shown: the rules fail the gate"), true);
        }
        if (ruleset.catalog().find(code).isEmpty()) {
            List<String> near = ruleset.catalog().suggestionsFor(code);
            return new Checked.Explained(List.of("explain: no agency " + code + " in these rules"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")), false);
        }
        return new Checked.Explained(Explanation.of(ruleset, recommender, code), true);
    }

    private static void printText(Checked checked, PrintStream out) {
        GateReport report = checked.report();
        report.errors().forEach(problem -> out.println(labelled(problem, "error")));
        report.warnings().forEach(problem -> out.println(labelled(problem, "warning")));
        Checked.Compared compared = checked.impact();
        if (compared != null && compared.impact() == null) {
            out.println("impact: not computed: " + compared.unavailable() + (compared.problems().isEmpty() ? "" : ":"));
            compared.problems().forEach(problem -> out.println(labelled(problem, "error")));
        } else if (compared != null) {
            Impact impact = compared.impact();
            out.println("impact: " + impact.summary() + ", against " + checked.options().against());
            for (Impact.Change change : impact.changes()) {
                out.println("  " + change.selection());
                // "-> " ends where the value above begins, so before and after line up.
                change.differences().forEach(difference -> out.println("    " + difference.part() + ": "
                        + orNone(difference.before()) + "\n" + " ".repeat(difference.part().length() + 3) + "-> "
                        + orNone(difference.after())));
            }
        }
        checked.replay().forEach(out::println);
        checked.explanation().lines().forEach(out::println);
        Coverage coverage = report.coverage();
        if (coverage != null) {
            out.println("coverage: " + coverage.exercised() + " of " + coverage.rules() + " rules fire in a scenario"
                    + (coverage.agenciesWithoutScenario().isEmpty() ? "; every agency has a scenario"
                            : "; no scenario selects " + String.join(", ", coverage.agenciesWithoutScenario()
                                    .stream().map(Agency::code).toList())));
            checked.unexercisedByFile().forEach((file, rules) -> out.println("  " + file + ": " + String.join(", ",
                    rules.stream().map(rule -> "\"" + rule.rule() + "\" (" + rule.line() + ")").toList())));
        }
        out.println(checked.summary());
    }

    private static int usageError(String message, PrintStream out) {
        out.println("check: " + message + "\n" + CheckOptions.USAGE);
        return 2;
    }

    private static String version() {
        try (InputStream in = CheckCommand.class.getResourceAsStream("version.properties")) {
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The engine's jar has no version.properties: a broken build", e);
        }
    }

    static String orNone(String part) {
        return part.isEmpty() ? "(none)" : part;
    }

    static String labelled(RuleProblem problem, String severity) {
        return problem.file() + ":" + problem.line() + ":" + problem.column() + ": " + severity + ": "
                + problem.message();
    }
}
