package org.ecawizard.advice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A selection as the rules see it: codes trimmed, upper case, each once, in the order given; residency
 * decided. Two requests with the same choice get the same answer from the same ruleset.
 */
public record Choice(List<String> agencies, boolean residesInUs) {

    public Choice {
        agencies = List.copyOf(agencies);
    }

    /** @throws InvalidSelectionException when the selection is empty or has a blank code */
    public static Choice of(RecommendationRequest request) {
        List<String> agencies = request.agencies();
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
        return new Choice(List.copyOf(codes), request.residesInUs() == null || request.residesInUs());
    }
}
