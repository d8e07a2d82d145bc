package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * An analyst's example: given a selection, what the answer must say. Written in YAML under
 * {@code rules/scenarios/}; every field of {@code expect} that is left out is not checked.
 *
 * @param usCitizen  whether the buyer is a U.S. citizen; left out when the buyer does not say
 * @param apiExample whether the API's OpenAPI document shows this scenario's selection and its answer as an
 *                   example
 * @param file       where the scenario is written, and {@code line} the line of its name; set by the reader
 */
public record Scenario(String name, List<String> agencies, Boolean residesInUs, Boolean usCitizen, Certificate certificate,
                       Expect expect, boolean apiExample, @JsonIgnore String file, @JsonIgnore int line) {

    /**
     * @param file where the scenario is written
     * @param line the line of its name
     * @return the same scenario, placed there
     */
    public Scenario at(String file, int line) {
        return new Scenario(name, agencies, residesInUs, usCitizen, certificate, expect, apiExample, file, line);
    }

    /**
     * @return the scenario's selection
     * @throws org.ecawizard.engine.InvalidSelectionException when the agencies are not a selection
     */
    @JsonIgnore
    public Choice choice() {
        return Choice.of(agencies, residesInUs, usCitizen);
    }

    /**
     * A certificate the buyer already holds, for the certificate check: the ECA CA of the trust store that issued it
     * (the path goes from it to its root), or why it is no ECA certificate; the policy OIDs valid on its path; its
     * days to expiry (negative when expired).
     *
     * @param issuedBy the common name of an issuing CA of the ruleset's trust store, e.g. {@code IdenTrust ECA S23}
     * @param notEca   instead of {@code issuedBy}: why no path joins it to an ECA root, e.g. "it is signed by itself"
     */
    public record Certificate(String issuedBy, String notEca, List<String> policies, long daysLeft) {
    }

    /**
     * @param certificateTypes the sure types, in order
     * @param possibleTypes    every possible type, with the selected applications that leave it open (silent, or
     *                         accepting it by the analyst's reading only)
     * @param purchase         the types to buy, in order
     * @param notOffered       every type that is not offered, with the selected applications that reject it (stated
     *                         or by a reading)
     * @param conflict         the applications in conflict; empty when there must be no conflict
     * @param notAcceptingEca  the selected applications that take no ECA certificate
     * @param unreachable      the selected applications no certificate the buyer can get reaches
     * @param headlineMentions words the headline must contain
     * @param retired          the selected applications that have been retired
     * @param products         the names of the products offered
     * @param warningsMention  words that some warning must contain
     * @param reasonsMention   words that some reason must contain
     * @param heldTypes        with a certificate: the ECA types it is
     * @param acceptedBy       with a certificate: the selected applications whose sources state they take it
     * @param checkVerdict     with a certificate: what it means for the selection (covers, misses, ...)
     * @param renewalMentions  with a certificate: words the renewal advice must contain
     */
    public record Expect(List<String> certificateTypes, Map<String, List<String>> possibleTypes, List<String> purchase,
                         Map<String, List<String>> notOffered, List<String> conflict, List<String> notAcceptingEca,
                         List<String> unreachable, List<String> headlineMentions,
                         List<String> retired, List<String> products, List<String> warningsMention,
                         List<String> reasonsMention, List<String> heldTypes, List<String> acceptedBy,
                         String checkVerdict, List<String> renewalMentions) {
    }
}
