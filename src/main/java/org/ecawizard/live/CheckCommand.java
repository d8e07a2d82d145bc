package org.ecawizard.live;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Decision;
import org.ecawizard.advice.RecommendationRequest;
import org.ecawizard.advice.SelectionRefusedException;
import org.ecawizard.ruleset.InvalidRulesetException;
import org.ecawizard.ruleset.RuleProblem;
import org.ecawizard.ruleset.RuleSource;
import org.ecawizard.ruleset.Ruleset;
import org.ecawizard.ruleset.RulesDidNotSettleException;
import org.ecawizard.ruleset.RulesetCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' check: {@code check [--rules DIR] [--against OTHER_DIR] [--fire-limit N]}. Runs the gate a
 * reload runs, prints each problem as {@code file:line:column: error|warning: message} and a summary, and with
 * {@code --against} prints every selection whose answer differs from the rules in OTHER_DIR.
 * Exits 0 when the rules could go live, 1 when they could not, 2 on a usage error.
 */
public final class CheckCommand {

    static final String USAGE = "usage: check [--rules DIR] [--against OTHER_DIR] [--replay DECISION_LOG] [--fire-limit N]";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private CheckCommand() {
    }

    /** The command line: exits with the code of {@link #run}. */
    public static void main(String[] args) {
        quietLogs();
        System.exit(run(List.of(args), System.out));
    }

    public static int run(List<String> args, PrintStream out) {
        Path rules = Path.of(RulesetProperties.DIR);
        Path against = null;
        Path replay = null;
        int fireLimit = Integer.parseInt(RulesetProperties.FIRE_LIMIT);
        try {
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (args.get(i)) {
                    case "--rules" -> rules = Path.of(required(value, "--rules"));
                    case "--against" -> against = Path.of(required(value, "--against"));
                    case "--replay" -> replay = Path.of(required(value, "--replay"));
                    case "--fire-limit" -> fireLimit = Integer.parseInt(required(value, "--fire-limit"));
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
                i++;
            }
        } catch (IllegalArgumentException e) {
            out.println("check: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        for (Path dir : against == null ? List.of(rules) : List.of(rules, against)) {
            if (!Files.isDirectory(dir)) {
                out.println("check: no rules directory at " + dir + "\n" + USAGE);
                return 2;
            }
        }
        RulesetGate gate = new RulesetGate(fireLimit, Clock.systemUTC(), new Advisor());
        CheckReport report = gate.check(RuleSource.fromDirectory(rules));
        report.errors().forEach(problem -> out.println(labelled(problem, "error")));
        report.warnings().forEach(problem -> out.println(labelled(problem, "warning")));
        if (against != null) {
            printImpact(gate, report, against, fireLimit, out);
        }
        if (replay != null) {
            if (!Files.isRegularFile(replay)) {
                out.println("check: no decision log at " + replay + "\n" + USAGE);
                return 2;
            }
            printReplay(report, replay, out);
        }
        out.println("check: " + (report.passed() ? "OK" : "FAILED") + ": ruleset " + report.version() + " in " + rules
                + (report.ruleset() == null ? "" : ", " + report.ruleset().catalog().size() + " agencies, "
                        + report.ruleset().rules().size() + " rules")
                + ", " + (report.ruleset() == null ? report.scenarios().size() + " scenarios not run"
                        : (report.scenarios().size() - report.scenariosFailed()) + " of " + report.scenarios().size()
                                + " scenarios passed")
                + "; " + report.errors().size() + " error(s), " + report.warnings().size()
                + " warning(s)");
        if (report.ruleset() != null) {
            report.ruleset().dispose();
        }
        return report.passed() ? 0 : 1;
    }

    private static void printImpact(RulesetGate gate, CheckReport report, Path against, int fireLimit,
                                    PrintStream out) {
        if (report.ruleset() == null) {
            out.println("impact: not computed: the rules do not compile");
            return;
        }
        Ruleset before;
        try {
            before = new RulesetCompiler(fireLimit, Clock.systemUTC()).compile(RuleSource.fromDirectory(against));
        } catch (InvalidRulesetException e) {
            out.println("impact: not computed: the rules in " + against + " do not compile:");
            e.problems().forEach(problem -> out.println(labelled(problem, "error")));
            return;
        }
        Impact impact = gate.impact(before, report.ruleset(), report.scenarios());
        out.println("impact: " + impact.summary() + ", against " + against);
        for (Impact.Change change : impact.changes()) {
            out.println("  " + change.selection());
            // "-> " ends where the value above begins, so before and after line up.
            change.differences().forEach(difference -> out.println("    " + difference.part() + ": "
                    + orNone(difference.before()) + "\n" + " ".repeat(difference.part().length() + 3) + "-> "
                    + orNone(difference.after())));
        }
        before.dispose();
    }

    /**
     * Answers every logged decision (a JSON object per line, after any log prefix) with the rules in question
     * and prints each one whose sure types or purchase would change.
     */
    private static void printReplay(CheckReport report, Path log, PrintStream out) {
        if (report.ruleset() == null) {
            out.println("replay: not run: the rules do not compile");
            return;
        }
        Advisor advisor = new Advisor();
        int read = 0;
        int changed = 0;
        int unreadable = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (java.io.IOException e) {
            out.println("replay: cannot read " + log + ": " + e.getMessage());
            return;
        }
        for (String line : lines) {
            int json = line.indexOf('{');
            if (json < 0) {
                continue;
            }
            Decision logged;
            try {
                logged = JSON.readValue(line.substring(json), Decision.class);
            } catch (tools.jackson.core.JacksonException e) {
                unreadable++;
                continue;
            }
            read++;
            boolean withPurchase = logged.purchase() != null;
            String before = logged.outcome(withPurchase);
            String after;
            try {
                after = Decision.of(logged.at(), logged.requestId(), advisor.recommend(report.ruleset(),
                        new RecommendationRequest(logged.agencies(), logged.residesInUs()))).outcome(withPurchase);
            } catch (SelectionRefusedException e) {
                after = "refused: " + e.getMessage();
            } catch (RulesDidNotSettleException e) {
                after = "no answer: " + e.getMessage();
            }
            if (!before.equals(after)) {
                changed++;
                out.println("  " + logged.requestId() + ": " + String.join(" + ", logged.agencies())
                        + (logged.residesInUs() ? "" : " (outside the U.S.)") + "\n    " + before + " (ruleset "
                        + logged.rulesetVersion() + ")\n -> " + after);
            }
        }
        out.println("replay: " + changed + " of " + read + " logged decisions answer differently with ruleset "
                + report.version() + (unreadable > 0 ? "; " + unreadable + " lines were not decisions" : ""));
    }

    private static String orNone(String part) {
        return part.isEmpty() ? "(none)" : part;
    }

    private static String labelled(RuleProblem problem, String severity) {
        return problem.file() + ":" + problem.line() + ":" + problem.column() + ": " + severity + ": "
                + problem.message();
    }

    private static String required(String value, String option) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The command speaks for itself on standard output; the engine's own logging would bury it. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }
}
