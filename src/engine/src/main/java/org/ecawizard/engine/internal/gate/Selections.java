package org.ecawizard.engine.internal.gate;

import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Scenario;

/**
 * The selections a ruleset is exercised with: every agency alone, every pair of agencies, each with both
 * residency answers, and every scenario. Pairs are left out past {@value #MAX_AGENCIES_FOR_PAIRS} agencies,
 * where they would be too many to evaluate on every save.
 */
final class Selections {

    static final int MAX_AGENCIES_FOR_PAIRS = 200;

    private Selections() {
    }

    /**
     * A selection and how an analyst reads it.
     *
     * @param scenario the scenario it comes from, whose expectations its answer must meet; null for the others
     */
    record Labelled(String label, Choice choice, Scenario scenario) {
    }

    /** @param scenarios read by the scenario reader, which admits only those whose selection is valid */
    static List<Labelled> of(List<String> codes, List<Scenario> scenarios) {
        List<Labelled> selections = new ArrayList<>();
        for (boolean residesInUs : new boolean[] {true, false}) {
            String where = residesInUs ? "" : " (outside the U.S.)";
            for (int i = 0; i < codes.size(); i++) {
                selections.add(new Labelled(codes.get(i) + where,
                        new Choice(List.of(codes.get(i)), residesInUs), null));
                if (codes.size() <= MAX_AGENCIES_FOR_PAIRS) {
                    for (int j = i + 1; j < codes.size(); j++) {
                        selections.add(new Labelled(codes.get(i) + " + " + codes.get(j) + where,
                                new Choice(List.of(codes.get(i), codes.get(j)), residesInUs), null));
                    }
                }
            }
        }
        for (Scenario scenario : scenarios) {
            selections.add(new Labelled("scenario '" + scenario.name() + "'", scenario.choice(), scenario));
        }
        return selections;
    }
}
