package org.ecawizard.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.RecommendationRequest;
import org.ecawizard.advice.SelectionRefusedException;
import org.ecawizard.certcheck.CertificateChecker;
import org.ecawizard.catalog.Agency;
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
 * no selection the gate tries (each agency alone, each pair, each scenario) runs past the fire limit. Also lints for rules that never fire. The same gate
 * serves the start-up, every reload and the analysts' check command.
 */
public final class RulesetGate {

    private final RulesetCompiler compiler;
    private final Advisor advisor;
    private final ScenarioRunner runner;

    public RulesetGate(int fireLimit, Clock clock, Advisor advisor) {
        this.compiler = new RulesetCompiler(fireLimit, clock);
        this.advisor = advisor;
        this.runner = new ScenarioRunner(advisor);
    }

    /**
     * Checks the files. The report holds the compiled ruleset whenever the files compiled, even when a scenario
     * failed, so that its impact can still be shown; the caller disposes of a ruleset it does not put live.
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
            return new CheckReport(source.version(), null, errors, List.of(), scenarios.scenarios(), 0);
        }
        errors.addAll(scenarios.problems());
        int failed = 0;
        for (Scenario scenario : scenarios.scenarios()) {
            ScenarioRunner.Result result = runner.run(ruleset, scenario);
            if (!result.passed()) {
                failed++;
                errors.add(new RuleProblem(scenario.file(), scenario.line(), 0,
                        "scenario '" + scenario.name() + "' failed: " + String.join("; ", result.failures())));
            }
        }
        List<RuleProblem> warnings = exercise(ruleset, scenarios.scenarios(), errors);
        return new CheckReport(source.version(), ruleset, errors, warnings, scenarios.scenarios(), failed);
    }

    /**
     * Runs every selection the gate knows: one that does not settle within the fire limit is an error; a rule
     * that fires for none of them is a warning (a dead rule).
     */
    private List<RuleProblem> exercise(Ruleset ruleset, List<Scenario> scenarios, List<RuleProblem> errors) {
        List<Selections.Labelled> selections = Selections.of(
                ruleset.catalog().all().stream().map(Agency::code).toList(), scenarios);
        Set<String> fired = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (scenario.certificate() != null) {
                try {
                    advisor.evaluate(ruleset, Choice.of(new RecommendationRequest(scenario.agencies(),
                            scenario.residesInUs())), CertificateChecker.facts(scenario.certificate().policies(),
                            scenario.certificate().daysLeft())).fired().forEach(rule -> fired.add(key(rule)));
                } catch (RulesDidNotSettleException | SelectionRefusedException e) {
                    // Reported by the scenario run above.
                }
            }
        }
        for (Selections.Labelled selection : selections) {
            try {
                advisor.recommend(ruleset, selection.request(), true).trace().forEach(rule -> fired.add(key(rule)));
            } catch (RulesDidNotSettleException e) {
                errors.add(new RuleProblem(ruleset.source().location(), 0, 0,
                        "selecting " + selection.label() + ": " + e.getMessage()));
            } catch (SelectionRefusedException e) {
                // A scenario that names an unknown agency fails as a scenario, above.
            }
        }
        String what = ruleset.catalog().size() <= Selections.MAX_AGENCIES_FOR_PAIRS
                ? "every agency alone, every pair and every scenario" : "every agency alone and every scenario";
        return ruleset.rules().stream()
                .filter(rule -> !fired.contains(key(rule)))
                .map(rule -> new RuleProblem(rule.file(), rule.line(), 0, "rule \"" + rule.rule()
                        + "\" fires for no selection (" + selections.size() + " tried: " + what + ")"))
                .toList();
    }

    private static String key(RuleLocation rule) {
        return rule.file() + "/" + rule.rule();
    }

    /** The impact of going from one ruleset to another, on the selections the gate exercises. */
    public Impact impact(Ruleset before, Ruleset after, List<Scenario> scenarios) {
        return Impact.between(before, after, scenarios, advisor);
    }
}
