package org.ecawizard.engine.internal.gate;

import java.util.List;
import java.util.Map;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.internal.ruleset.Ruleset;

/**
 * What the gate found in a candidate ruleset.
 *
 * @param ruleset  the compiled candidate, or null when the files did not compile
 * @param errors   what keeps it from going live: compile errors, catalog errors, failed scenarios
 * @param warnings what an analyst should look at but does not block it (a rule that never fires)
 * @param answers  what the candidate answered to the selections the gate tried, with the rules that fired, up to
 *                 {@link RulesetGate#KEPT_ANSWERS} of them (a selection it refused or that ran away is not there);
 *                 kept so that the next ruleset's gate and impact need not ask this one again, and an answer cache
 *                 can start from them
 * @param coverage what the scenarios leave untried; null when the files did not compile
 * @param reused   how many of its answers were taken from an earlier report rather than answered again
 */
public record GateReport(String version, Ruleset ruleset, List<RuleProblem> errors, List<RuleProblem> warnings,
                         List<Scenario> scenarios, int scenariosFailed, Map<Choice, Recommendation> answers,
                         Coverage coverage, int reused) {

    /** @return whether the candidate may go live: no error */
    public boolean passed() {
        return errors.isEmpty();
    }

    /**
     * A ruleset compiled outside the gate (the one a change is compared against), with no answers known yet.
     *
     * @param ruleset the compiled ruleset
     * @return a passing report on it
     */
    public static GateReport of(Ruleset ruleset) {
        return new GateReport(ruleset.version(), ruleset, List.of(), List.of(), List.of(), 0, Map.of(), null, 0);
    }
}
