package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A decision as the service logs it, one JSON line each, and as {@code check --replay} reads it back.
 *
 * @param at               when it was answered
 * @param requestId        the request's id, as the service's logs name it
 * @param agencies         the selected applications
 * @param residesInUs      whether the buyer resides in the U.S.
 * @param usCitizen        whether the buyer said they are a U.S. citizen; null when not said (or logged before it was)
 * @param certificateTypes the sure types
 * @param purchase         the types the answer said to buy; null in lines logged before it was logged
 * @param rulesetVersion   the ruleset that answered
 * @param decidedBy        the rules that decided it (see {@link Recommendation#decidedBy()}); null in lines logged
 *                         before they were logged
 */
public record LoggedDecision(Instant at, String requestId, List<String> agencies, boolean residesInUs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean usCitizen,
                             List<String> certificateTypes, List<String> purchase, String rulesetVersion,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleLocation> decidedBy) {

    /**
     * The line to log for an answer.
     *
     * @param at        when it was answered
     * @param requestId the request's id, as the service's logs name it
     * @param answer    the answer
     * @return the decision
     */
    public static LoggedDecision of(Instant at, String requestId, Recommendation answer) {
        return new LoggedDecision(at, requestId, answer.agencies(), answer.residesInUs(), answer.usCitizen(),
                answer.certificateTypes(),
                answer.purchase().stream().map(c -> c.fact().type()).toList(), answer.rulesetVersion(),
                answer.decidedBy());
    }

    /**
     * The selection the decision answered.
     *
     * @return the choice, as the line names it
     * @throws InvalidSelectionException when the line's agencies are not a selection
     */
    public Choice choice() {
        return Choice.of(agencies, residesInUs, usCitizen);
    }

    /**
     * What the answer told the buyer, as one line; a line logged without the purchase is compared on its types.
     *
     * @param withPurchase whether to name what to buy as well as the sure types
     * @return the sure types, and what to buy when asked for
     */
    String outcome(boolean withPurchase) {
        String sure = certificateTypes.isEmpty() ? "no sure type" : "sure " + String.join(", ", certificateTypes);
        if (!withPurchase || purchase == null) {
            return sure;
        }
        return sure + "; buy " + (purchase.isEmpty() ? "nothing" : String.join(" + ", purchase));
    }
}
