package org.ecawizard.engine.internal.gate;

import java.util.List;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.RuleLocation;

/**
 * What the analysts' scenarios leave untried: the rules that fire in no scenario, and the agencies no scenario
 * selects. A rule that fires only for the gate's own selections is in service but no scenario says what it must do.
 *
 * @param rules                   how many rules the ruleset has
 * @param unexercised             the rules no scenario fires, by file and line
 * @param agenciesWithoutScenario the agencies no scenario selects
 */
public record Coverage(int rules, List<RuleLocation> unexercised, List<Agency> agenciesWithoutScenario) {

    /** @return how many rules some scenario fires */
    public int exercised() {
        return rules - unexercised.size();
    }
}
