package org.ecawizard.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecawizard.facts.Acceptance;
import org.ecawizard.facts.AcceptsNoEca;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.facts.Conflict;
import org.ecawizard.facts.Cover;
import org.ecawizard.facts.Offer;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Proofing;
import org.ecawizard.facts.Reason;
import org.ecawizard.facts.Rejection;
import org.ecawizard.facts.Warning;
import org.ecawizard.ruleset.Conclusion;
import org.ecawizard.ruleset.Evaluation;
import org.ecawizard.ruleset.RuleLocation;

/**
 * The answer to a selection, read off what the rules concluded. Every part names the rule that concluded it.
 *
 * @param certificateTypes the types every selected application that takes ECA certificates accepts, most
 *                         suitable first; empty when none does
 * @param conflict         when no single type will do: who is in conflict and what covers them; else null
 * @param rulesetVersion   the ruleset that answered
 * @param trace            the rules that fired, in order, each with its file; only when asked for
 */
public record Recommendation(List<String> agencies, boolean residesInUs, List<String> certificateTypes,
                             List<AgencyAcceptance> acceptances, List<OfferedType> offered,
                             List<NotOfferedType> notOffered, ConflictAnswer conflict,
                             List<NoEcaAnswer> notAcceptingEca, List<ProductAnswer> products,
                             List<ProofingAnswer> proofing, List<Statement> reasons, List<WarningAnswer> warnings,
                             String rulesetVersion, @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleLocation> trace) {

    /** What one selected application accepts, and the rule of its agency file that says so. */
    public record AgencyAcceptance(String agency, List<String> types, String rule) {
    }

    public record OfferedType(String type, String title, String summary, String rule) {
    }

    /** A type that is not offered, and which selected applications reject it. */
    public record NotOfferedType(String type, String title, List<String> rejectedBy, String rule) {
    }

    /**
     * @param agencies    every selected application that is in conflict with another
     * @param coveringSet the smallest set of certificates that together reach every selection
     */
    public record ConflictAnswer(List<String> agencies, List<Covering> coveringSet,
                                 List<List<String>> alternativeCoveringSets, String rule) {
    }

    /** One certificate of a covering set and the selected applications it reaches. */
    public record Covering(String type, String title, List<String> covers) {
    }

    public record NoEcaAnswer(String agency, String explanation, String rule) {
    }

    public record ProductAnswer(String type, String name, String storage, String validity, String price,
                                String source, String rule) {
    }

    public record ProofingAnswer(String type, String route, String source, String rule) {
    }

    public record Statement(String text, String rule) {
    }

    public record WarningAnswer(String text, String source, String rule) {
    }

    static Recommendation of(List<String> agencies, boolean residesInUs, Evaluation evaluation, String version,
                             boolean trace) {
        Types types = new Types(evaluation.facts(CertificateType.class));
        List<OfferedType> offered = evaluation.all(Offer.class).stream()
                .sorted(Comparator.comparing(c -> c.fact().type(), types.byRank()))
                .map(c -> new OfferedType(c.fact().type(), types.title(c.fact().type()),
                        types.summary(c.fact().type()), c.rule()))
                .toList();
        List<NotOfferedType> notOffered = evaluation.all(Rejection.class).stream()
                .collect(Collectors.groupingBy(c -> c.fact().type()))
                .entrySet().stream()
                .sorted(Map.Entry.comparingByKey(types.byRank()))
                .map(e -> new NotOfferedType(e.getKey(), types.title(e.getKey()),
                        sorted(e.getValue().stream().map(c -> c.fact().agency()).toList()), e.getValue().get(0).rule()))
                .toList();
        List<AgencyAcceptance> acceptances = evaluation.all(Acceptance.class).stream()
                .collect(Collectors.groupingBy(c -> c.fact().agency(), TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(e -> new AgencyAcceptance(e.getKey(), e.getValue().stream().map(c -> c.fact().type())
                        .distinct().sorted(types.byRank()).toList(), e.getValue().get(0).rule()))
                .toList();
        ConflictAnswer conflict = conflict(evaluation, types);
        // What to buy: an offered type, or a type of the best covering set (not of the alternatives).
        Set<String> toBuy = new HashSet<>(offered.stream().map(OfferedType::type).toList());
        if (conflict != null) {
            conflict.coveringSet().forEach(covering -> toBuy.add(covering.type()));
        }
        return new Recommendation(agencies, residesInUs, offered.stream().map(OfferedType::type).toList(),
                acceptances, offered,
                notOffered, conflict,
                evaluation.all(AcceptsNoEca.class).stream()
                        .map(c -> new NoEcaAnswer(c.fact().agency(), c.fact().explanation(), c.rule())).toList(),
                evaluation.all(Product.class).stream()
                        .filter(c -> toBuy.contains(c.fact().type()))
                        .sorted(Comparator.comparing(c -> c.fact().type(), types.byRank()))
                        .map(c -> new ProductAnswer(c.fact().type(), c.fact().name(), c.fact().storage(),
                                c.fact().validity(), c.fact().price(), c.fact().source(), c.rule()))
                        .toList(),
                evaluation.all(Proofing.class).stream()
                        .filter(c -> toBuy.contains(c.fact().type()))
                        .sorted(Comparator.comparing(c -> c.fact().type(), types.byRank()))
                        .map(c -> new ProofingAnswer(c.fact().type(), c.fact().route(), c.fact().source(), c.rule()))
                        .toList(),
                evaluation.all(Reason.class).stream().map(c -> new Statement(c.fact().text(), c.rule())).toList(),
                evaluation.all(Warning.class).stream()
                        .map(c -> new WarningAnswer(c.fact().text(), c.fact().source(), c.rule())).toList(),
                version, trace ? evaluation.fired() : null);
    }

    private static ConflictAnswer conflict(Evaluation evaluation, Types types) {
        List<Conclusion<Conflict>> conflicts = evaluation.all(Conflict.class);
        if (conflicts.isEmpty()) {
            return null;
        }
        List<String> inConflict = sorted(conflicts.stream().flatMap(c -> c.fact().agencies().stream()).toList());
        List<List<String>> covers = evaluation.facts(Cover.class).stream()
                .map(cover -> cover.types().stream().sorted(types.byRank()).toList())
                .sorted(Comparator.<List<String>>comparingInt(List::size)
                        .thenComparingInt(set -> set.stream().mapToInt(types::rank).sum()))
                .toList();
        List<Acceptance> acceptances = evaluation.facts(Acceptance.class);
        List<Covering> coveringSet = covers.isEmpty() ? List.of() : covers.get(0).stream()
                .map(type -> new Covering(type, types.title(type), sorted(acceptances.stream()
                        .filter(a -> a.type().equals(type)).map(Acceptance::agency).toList())))
                .toList();
        return new ConflictAnswer(inConflict, coveringSet, covers.stream().skip(1).toList(), conflicts.get(0).rule());
    }

    /** The certificate types the rules declared, to order and name the types of an answer. */
    private record Types(Map<String, CertificateType> byCode) {

        Types(List<CertificateType> types) {
            this(types.stream().collect(Collectors.toMap(CertificateType::code, Function.identity(), (a, b) -> a)));
        }

        int rank(String type) {
            return byCode.containsKey(type) ? byCode.get(type).rank() : Integer.MAX_VALUE;
        }

        String title(String type) {
            return byCode.containsKey(type) ? byCode.get(type).title() : type;
        }

        String summary(String type) {
            return byCode.containsKey(type) ? byCode.get(type).summary() : "";
        }

        Comparator<String> byRank() {
            return Comparator.comparingInt(this::rank);
        }
    }

    private static List<String> sorted(List<String> items) {
        return List.copyOf(new TreeSet<>(items));
    }
}
