package org.ecawizard.engine.internal.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.UnknownAgencyException;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;
import org.ecawizard.engine.internal.ruleset.Evaluation;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.facts.Accepts;
import org.ecawizard.facts.Buyer;
import org.ecawizard.facts.Conflict;
import org.ecawizard.facts.CoveringSet;
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

/** Facts in, recommendation out: turns a buyer's selection into facts, runs the rules and reads the answer. */
public class Recommender {

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
        Evaluation evaluation = evaluate(ruleset, choice, List.of());
        return of(choice, evaluation, ruleset.catalog().types().byRank(), ruleset.version(),
                decidedBy(ruleset, choice, evaluation), trace);
    }

    /**
     * The agency rules that fired for the selection (they gave its evidence), and those that concluded the purchase:
     * both among the rules that fired, which know where they are written.
     */
    private static List<RuleLocation> decidedBy(Ruleset ruleset, Choice choice, Evaluation evaluation) {
        Set<String> agencyFiles = new HashSet<>();
        choice.agencies().forEach(code -> ruleset.catalog().find(code).ifPresent(a -> agencyFiles.add(a.file())));
        Set<String> buying = new HashSet<>();
        evaluation.all(Purchase.class).forEach(bought -> buying.add(bought.rule()));
        return evaluation.fired().stream()
                .filter(rule -> agencyFiles.contains(rule.file()) || buying.contains(rule.rule()))
                .distinct().toList();
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

    private static Recommendation of(Choice choice, Evaluation evaluation, Comparator<String> byRank, String version,
                                     List<RuleLocation> decidedBy, boolean trace) {
        List<Conclusion<SureType>> sure = sorted(evaluation.all(SureType.class), SureType::type, byRank);
        List<Conclusion<Purchase>> purchase = sorted(evaluation.all(Purchase.class), Purchase::type, byRank);
        return new Recommendation(choice.agencies(), choice.residesInUs(), choice.usCitizen(),
                evaluation.all(Headline.class).stream().findFirst().orElse(null),
                sure.stream().map(c -> c.fact().type()).toList(), sure,
                sorted(evaluation.all(PossibleType.class), PossibleType::type, byRank),
                sorted(evaluation.all(NotOffered.class), NotOffered::type, byRank),
                conflict(evaluation, purchase, byRank), purchase,
                new Recommendation.Evidence(byAgency(evaluation.all(Accepts.class), Accepts::agency, Accepts::type, byRank),
                        byAgency(evaluation.all(Rejects.class), Rejects::agency, Rejects::type, byRank),
                        byAgency(evaluation.all(Unstated.class), Unstated::agency, Unstated::type, byRank)),
                evaluation.all(TakesNoEca.class), evaluation.all(Unreachable.class), evaluation.all(Retired.class),
                sorted(evaluation.all(Product.class), Product::type, byRank),
                sorted(evaluation.all(Proofing.class), Proofing::type, byRank),
                evaluation.all(Reason.class), evaluation.all(Warning.class),
                version, decidedBy, trace ? evaluation.fired() : null);
    }

    private static Recommendation.ConflictAnswer conflict(Evaluation evaluation, List<Conclusion<Purchase>> purchase,
                                           Comparator<String> byRank) {
        List<Conclusion<Conflict>> conflicts = evaluation.all(Conflict.class);
        if (conflicts.isEmpty()) {
            return null;
        }
        List<String> bought = purchase.stream().map(c -> c.fact().type()).toList();
        List<List<String>> alternatives = evaluation.facts(CoveringSet.class).stream()
                .map(set -> set.types().stream().sorted(byRank).toList())
                .filter(types -> !types.equals(bought))
                .toList();
        List<String> inConflict = List.copyOf(new TreeSet<>(conflicts.stream()
                .flatMap(c -> c.fact().agencies().stream()).toList()));
        return new Recommendation.ConflictAnswer(inConflict, bought, alternatives, conflicts.get(0).rule());
    }

    /** By application, then type, most suitable first: the same answer whatever order the rules fired in. */
    private static <T> List<Conclusion<T>> byAgency(List<Conclusion<T>> conclusions, Function<T, String> agency,
                                                    Function<T, String> type, Comparator<String> byRank) {
        return conclusions.stream().sorted(Comparator.comparing((Conclusion<T> c) -> agency.apply(c.fact()))
                .thenComparing(c -> type.apply(c.fact()), byRank)).toList();
    }

    private static <T> List<Conclusion<T>> sorted(List<Conclusion<T>> conclusions, Function<T, String> type,
                                                  Comparator<String> byRank) {
        return conclusions.stream().sorted(Comparator.comparing(c -> type.apply(c.fact()), byRank)).toList();
    }
}
