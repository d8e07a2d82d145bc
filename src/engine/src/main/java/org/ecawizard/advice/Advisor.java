package org.ecawizard.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecawizard.catalog.Agency;
import org.ecawizard.catalog.AgencyCatalog;
import org.ecawizard.facts.Buyer;
import org.ecawizard.ruleset.Evaluation;
import org.ecawizard.ruleset.Ruleset;

/** Facts in, recommendation out: turns a buyer's selection into facts, runs the rules and reads the answer. */
public class Advisor {

    /**
     * The answer to a choice from a ruleset.
     *
     * @param ruleset the ruleset to answer from
     * @param choice  the applications and the buyer's residency
     * @param trace   whether the answer lists the rules that fired
     * @return what the rules concluded, as the answer
     * @throws UnknownAgencyException when a code is not in the ruleset's catalog
     */
    public Recommendation recommend(Ruleset ruleset, Choice choice, boolean trace) {
        return Recommendation.of(choice, evaluate(ruleset, choice, List.of()), ruleset.catalog().types().byRank(),
                ruleset.version(), trace);
    }

    /**
     * Runs the rules on the choice and on {@code more} facts, for a question beyond the recommendation (such as
     * a certificate the buyer holds).
     *
     * @param ruleset the ruleset to run
     * @param choice  the applications and the buyer's residency
     * @param more    further facts to insert
     * @return what the rules concluded
     * @throws UnknownAgencyException when a code is not in the ruleset's catalog
     */
    public Evaluation evaluate(Ruleset ruleset, Choice choice, List<?> more) {
        AgencyCatalog catalog = ruleset.catalog();
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        List<Object> facts = new ArrayList<>();
        for (String code : choice.agencies()) {
            catalog.find(code).map(Agency::selection).ifPresentOrElse(facts::add,
                    () -> unknown.put(code, catalog.suggestionsFor(code)));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownAgencyException(unknown);
        }
        facts.add(new Buyer(choice.residesInUs(), choice.citizenship()));
        facts.addAll(more);
        return ruleset.evaluate(facts);
    }
}
