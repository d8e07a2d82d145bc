package org.ecawizard.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecawizard.catalog.Agency;
import org.ecawizard.catalog.AgencyCatalog;
import org.ecawizard.facts.Buyer;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.stereotype.Component;

/** Facts in, recommendation out: turns a buyer's selection into facts, runs the rules and reads the answer. */
@Component
public class Advisor {

    public Recommendation recommend(Ruleset ruleset, RecommendationRequest request) {
        return recommend(ruleset, request, false);
    }

    /**
     * @param trace whether the answer lists the rules that fired
     * @throws InvalidSelectionException when the selection is empty or has a blank code
     * @throws UnknownAgencyException    when a code is not in the ruleset's catalog
     */
    public Recommendation recommend(Ruleset ruleset, RecommendationRequest request, boolean trace) {
        Set<String> codes = normalized(request.agencies());
        AgencyCatalog catalog = ruleset.catalog();
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        List<Object> facts = new ArrayList<>();
        for (String code : codes) {
            catalog.find(code).map(Agency::selection).ifPresentOrElse(facts::add,
                    () -> unknown.put(code, catalog.suggestionsFor(code)));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownAgencyException(unknown);
        }
        boolean residesInUs = request.residesInUs() == null || request.residesInUs();
        facts.add(new Buyer(residesInUs));
        return Recommendation.of(List.copyOf(codes), residesInUs, ruleset.evaluate(facts), ruleset.version(),
                trace);
    }

    private static Set<String> normalized(List<String> agencies) {
        if (agencies == null || agencies.isEmpty()) {
            throw new InvalidSelectionException(
                    "Select at least one agency: send {\"agencies\": [\"CANES\", \"JPAS\"]}. GET /api/agencies lists the codes.");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            String code = agencies.get(i);
            if (code == null || code.isBlank()) {
                throw new InvalidSelectionException("agencies[" + i + "] is " + (code == null ? "null" : "blank")
                        + ": every entry must be an agency code.");
            }
            codes.add(code.strip().toUpperCase(Locale.ROOT));
        }
        return codes;
    }
}
