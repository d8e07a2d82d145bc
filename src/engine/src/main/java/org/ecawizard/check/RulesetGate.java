package org.ecawizard.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.SelectionRefusedException;
import org.ecawizard.catalog.Agency;
import org.ecawizard.certcheck.CertificateChecker;
import org.ecawizard.certcheck.HeldFacts;
import org.ecawizard.facts.CheckVerdict;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.OffEcaChain;
import org.ecawizard.ruleset.Evaluation;
import org.ecawizard.ruleset.InvalidRulesetException;
import org.ecawizard.ruleset.RuleLocation;
import org.ecawizard.ruleset.RuleProblem;
import org.ecawizard.ruleset.RuleSource;
import org.ecawizard.ruleset.RulesDidNotSettleException;
import org.ecawizard.ruleset.Ruleset;
import org.ecawizard.ruleset.RulesetCompiler;
import org.ecawizard.scenario.Scenario;
import org.ecawizard.scenario.ScenarioReader;
import org.ecawizard.scenario.ScenarioRunner;

/**
 * Decides whether a ruleset may go live: every file compiles, the catalog is sound, every scenario passes, and
 * no selection the gate tries (each agency alone, each pair, each scenario) runs past the fire limit, and a
 * certificate held up to each agency gets a verdict; rules that
 * fire for none of them are reported as dead. Each selection is answered once, and that one answer serves the
 * scenario, the lint and, later, the impact. The same gate serves the start-up, every reload and the analysts'
 * check command.
 */
public final class RulesetGate {

    /** The most rule firings one evaluation may take, unless configured otherwise. */
    public static final int DEFAULT_FIRE_LIMIT = 1000;

    /**
     * The certificates the gate holds up to each agency: one on an ECA path with no type, one off any; any will do,
     * the verdict must come.
     */
    private static final List<HeldFacts> PROBES = List.of(
            new HeldFacts(new HeldChain("probe CA", "2099-12-31", 9000, "probe root", "2099-12-31", 9000), null,
                    List.of(), 365),
            new HeldFacts(null, new OffEcaChain("it is a probe"), List.of(), 365));

    private final RulesetCompiler compiler;
    private final Advisor advisor;
    private final ScenarioRunner runner;
    private final CertificateChecker checker;

    /**
     * @param fireLimit the most rule firings one evaluation may take
     * @param clock     the time of rulesets and of the certificate check
     * @param advisor   answers the scenarios and the selections the gate tries
     */
    public RulesetGate(int fireLimit, Clock clock, Advisor advisor) {
        this.compiler = new RulesetCompiler(fireLimit, clock);
        this.advisor = advisor;
        this.runner = new ScenarioRunner(advisor);
        this.checker = new CertificateChecker(advisor, clock);
    }

    /**
     * Checks the files. The report holds the compiled ruleset whenever the files compiled, even when a scenario
     * failed, so that its impact can still be shown; the caller disposes of a ruleset it does not put live.
     *
     * @param source the candidate's files
     * @return the report: errors and warnings at file and line, the scenarios, the compiled ruleset
     */
    public CheckReport check(RuleSource source) {
        List<RuleProblem> errors = new ArrayList<>();
        ScenarioReader.Scenarios scenarios = ScenarioReader.read(source);
        Ruleset ruleset;
        try {
            ruleset = compiler.compile(source);
        } catch (InvalidRulesetException e) {
            errors.addAll(e.problems());
            errors.addAll(scenarios.problems());
            return new CheckReport(source.version(), null, errors, List.of(), scenarios.scenarios(), 0, Map.of());
        }
        errors.addAll(scenarios.problems());
        List<Selections.Labelled> selections = Selections.of(
                ruleset.catalog().all().stream().map(Agency::code).toList(), scenarios.scenarios());
        Map<Choice, Map<String, String>> answers = new HashMap<>();
        Map<String, String> texts = new HashMap<>(); // many answers share a part's text: keep it once
        Set<String> fired = new HashSet<>();
        int failed = 0;
        for (Selections.Labelled selection : selections) {
            Recommendation answer = null;
            RuntimeException unanswered = null;
            try {
                answer = advisor.recommend(ruleset, selection.choice(), true);
                answer.trace().forEach(rule -> fired.add(key(rule)));
            } catch (RulesDidNotSettleException e) {
                errors.add(new RuleProblem(ruleset.source().location(), 0, 0,
                        "selecting " + selection.label() + ": " + e.getMessage()));
                unanswered = e;
            } catch (SelectionRefusedException e) {
                unanswered = e; // only a scenario can name an unknown agency: it fails below
            }
            Map<String, String> parts = new HashMap<>(answer == null ? Impact.unanswered(unanswered)
                    : Impact.describe(answer));
            parts.replaceAll((part, text) -> texts.computeIfAbsent(text, same -> same));
            answers.put(selection.choice(), Map.copyOf(parts));
            Scenario scenario = selection.scenario();
            if (scenario != null) {
                ScenarioRunner.Result result = answer == null ? ScenarioRunner.failed(scenario, unanswered)
                        : runner.judge(ruleset, scenario, answer);
                result.fired().forEach(rule -> fired.add(key(rule)));
                if (!result.passed()) {
                    failed++;
                    errors.add(new RuleProblem(scenario.file(), scenario.line(), 0,
                            "scenario '" + scenario.name() + "' failed: " + String.join("; ", result.failures())));
                }
            }
        }
        // The certificate check reads a verdict off the rules: rules that conclude none would fail every check.
        for (Agency agency : ruleset.catalog().all()) {
            try {
                for (HeldFacts held : PROBES) {
                    Evaluation probe = checker.evaluate(ruleset, new Choice(List.of(agency.code()), true), held);
                    probe.fired().forEach(rule -> fired.add(key(rule)));
                    if (probe.facts(CheckVerdict.class).isEmpty()) {
                        errors.add(new RuleProblem(ruleset.source().location(), 0, 0, "checking a certificate for "
                                + agency.code() + " concludes no CheckVerdict: the certificate check could not"
                                + " answer"));
                        break;
                    }
                }
            } catch (RulesDidNotSettleException e) {
                errors.add(new RuleProblem(ruleset.source().location(), 0, 0,
                        "checking a certificate for " + agency.code() + ": " + e.getMessage()));
            }
        }
        String what = ruleset.catalog().size() <= Selections.MAX_AGENCIES_FOR_PAIRS
                ? "every agency alone, every pair and every scenario" : "every agency alone and every scenario";
        List<RuleProblem> warnings = new ArrayList<>(ruleset.warnings());
        ruleset.rules().stream()
                .filter(rule -> !fired.contains(key(rule)))
                .map(rule -> new RuleProblem(rule.file(), rule.line(), 0, "rule \"" + rule.rule()
                        + "\" fires for no selection (" + selections.size() + " tried: " + what + ")"))
                .forEach(warnings::add);
        return new CheckReport(source.version(), ruleset, errors, List.copyOf(warnings), scenarios.scenarios(), failed,
                Map.copyOf(answers));
    }

    private static String key(RuleLocation rule) {
        return rule.file() + "/" + rule.rule();
    }

    /**
     * The impact of going from one ruleset to another, on the selections the gate exercises with the scenarios
     * of the newer one.
     *
     * @param before the report on the ruleset in service
     * @param after  the report on the one that replaces it
     * @return the selections whose answers change, and how
     */
    public Impact impact(CheckReport before, CheckReport after) {
        return Impact.between(before, after, after.scenarios(), advisor);
    }
}
