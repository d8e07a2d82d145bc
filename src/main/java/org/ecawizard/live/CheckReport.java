package org.ecawizard.live;

import java.util.List;
import org.ecawizard.ruleset.RuleProblem;
import org.ecawizard.ruleset.Ruleset;

/**
 * What the gate found in a candidate ruleset.
 *
 * @param ruleset  the compiled candidate, or null when the files did not compile
 * @param errors   what keeps it from going live: compile errors, catalog errors, failed scenarios
 * @param warnings what an analyst should look at but does not block it (a rule that never fires)
 */
public record CheckReport(String version, Ruleset ruleset, List<RuleProblem> errors, List<RuleProblem> warnings,
                          List<org.ecawizard.scenario.Scenario> scenarios, int scenariosFailed) {

    public boolean passed() {
        return errors.isEmpty();
    }
}
