package org.ecawizard.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ecawizard.facts.Accepts;
import org.ecawizard.facts.Headline;
import org.ecawizard.facts.NotOffered;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Proofing;
import org.ecawizard.facts.Purchase;
import org.ecawizard.facts.Reason;
import org.ecawizard.facts.Rejects;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.SureType;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Unreachable;
import org.ecawizard.facts.Unstated;
import org.ecawizard.facts.Warning;

/**
 * The answer to a selection, read off what the rules concluded; every part is a concluded fact with its rule.
 * Java only orders the parts (types most suitable first); what to buy and every verdict come from the rules.
 *
 * @param agencies         the selected agency codes it answers for, trimmed, upper case and each once, in the order
 *                         given
 * @param residesInUs      whether the buyer lives in the U.S.; true when the request did not say
 * @param usCitizen        whether the buyer said they are a U.S. citizen; null (absent in JSON) when not said
 * @param headline         the answer in one sentence, with its source; null (absent in JSON) when no rule gives one
 * @param certificateTypes the types every selected application that takes ECA certificates is stated to accept,
 *                         most suitable first; empty when none is
 * @param sureTypes        the same types with their titles
 * @param possibleTypes    types no selected application rejects but some do not state (silent, or accepting by the
 *                         analyst's reading only)
 * @param notOffered       types some selected application rejects, and which, stated or by a reading
 * @param conflict         when stated rejections leave no sure or possible type; else null, and absent in JSON
 * @param purchase         what to buy: one certificate, or each of a covering set
 * @param evidence         what the sources say of each selected application and type
 * @param notAcceptingEca  selected applications that take no ECA certificate (not needed, or not accepted), why,
 *                         and what gets a buyer in
 * @param unreachable      selected applications no certificate the buyer can get reaches, and why; no purchase
 *                         covers them
 * @param retired          selected applications that have been retired
 * @param products         the products to buy for each purchased type, most suitable first
 * @param proofing         how the buyer's identity is checked in person for each purchased type, most suitable first
 * @param reasons          the explanation a buyer reads, each part with its source
 * @param warnings         what the buyer should check before buying, each with its source
 * @param rulesetVersion   the ruleset that answered
 * @param decidedBy        the rules that decided it: each agency rule that gave a selected application's evidence,
 *                         and the wizard's rules that concluded what to buy, each with its file and line
 * @param trace            the rules that fired, in order, each with its file; only when asked for
 */
public record Recommendation(List<String> agencies, boolean residesInUs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean usCitizen,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Conclusion<Headline> headline,
                             List<String> certificateTypes,
                             List<Conclusion<SureType>> sureTypes, List<Conclusion<PossibleType>> possibleTypes,
                             List<Conclusion<NotOffered>> notOffered,
                             @JsonInclude(JsonInclude.Include.NON_NULL) ConflictAnswer conflict,
                             List<Conclusion<Purchase>> purchase, Evidence evidence,
                             List<Conclusion<TakesNoEca>> notAcceptingEca, List<Conclusion<Unreachable>> unreachable,
                             List<Conclusion<Retired>> retired,
                             List<Conclusion<Product>> products, List<Conclusion<Proofing>> proofing,
                             List<Conclusion<Reason>> reasons, List<Conclusion<Warning>> warnings,
                             String rulesetVersion, List<RuleLocation> decidedBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleLocation> trace) {

    /**
     * @param rules the rules that fired, or null for none
     * @return the same answer with this trace
     */
    public Recommendation withTrace(List<RuleLocation> rules) {
        return new Recommendation(agencies, residesInUs, usCitizen, headline, certificateTypes, sureTypes,
                possibleTypes, notOffered, conflict, purchase, evidence, notAcceptingEca, unreachable, retired,
                products, proofing, reasons, warnings, rulesetVersion, decidedBy, rules);
    }

    /**
     * The same answer naming another ruleset; nothing is checked: the caller knows that ruleset answers alike.
     *
     * @param version the other ruleset's version
     * @return the same answer, naming that ruleset
     */
    public Recommendation withRulesetVersion(String version) {
        return new Recommendation(agencies, residesInUs, usCitizen, headline, certificateTypes, sureTypes,
                possibleTypes, notOffered, conflict, purchase, evidence, notAcceptingEca, unreachable, retired,
                products, proofing, reasons, warnings, version, decidedBy, trace);
    }

    /**
     * Why no single certificate will do: the selected applications whose stated rejections leave no type open to
     * all of them, and the covering set bought instead.
     *
     * @param agencies                the selected applications that stated rejections leave with no type in common
     * @param coveringSet             the types of the covering set bought (see {@code purchase})
     * @param alternativeCoveringSets other sets of the same size that would also reach every application
     * @param rule                    the name of the rule that concluded the conflict
     */
    public record ConflictAnswer(List<String> agencies, List<String> coveringSet,
                                 List<List<String>> alternativeCoveringSets, String rule) {
    }

    /**
     * Per selected application and type: accepted or rejected (each stated or inferred, as its basis says), or unstated.
     *
     * @param accepted each application and type a source states, or the analyst reads, it accepts
     * @param rejected each application and type a source states, or the analyst reads, it does not accept
     * @param unstated each application and type its sources say nothing of
     */
    public record Evidence(List<Conclusion<Accepts>> accepted, List<Conclusion<Rejects>> rejected,
                           List<Conclusion<Unstated>> unstated) {
    }
}
