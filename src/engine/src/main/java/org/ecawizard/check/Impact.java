package org.ecawizard.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.SelectionRefusedException;
import org.ecawizard.catalog.Agency;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Unreachable;
import org.ecawizard.facts.Warning;
import org.ecawizard.ruleset.Conclusion;
import org.ecawizard.ruleset.RulesDidNotSettleException;
import org.ecawizard.scenario.Scenario;

/**
 * What a new ruleset changes for buyers: every selection (each agency alone, each pair, both residency answers,
 * each scenario) whose answer differs between the two rulesets.
 *
 * @param from      the version of the ruleset compared from (after a reload, the one it replaced)
 * @param to        the version of the new ruleset
 * @param evaluated how many selections were compared
 * @param changes   the selections whose answer differs, in the order they were compared
 */
public record Impact(String from, String to, int evaluated, List<Change> changes) {

    /**
     * One selection whose answer changes, and what in it changes.
     *
     * @param selection   the selection, as an analyst reads it: its agency codes joined by {@code +}, followed by
     *                    {@code (outside the U.S.)} when the buyer lives abroad, or {@code scenario 'NAME'}
     * @param differences the parts of its answer that change, in the order they are shown
     */
    public record Change(String selection, List<Difference> differences) {
    }

    /**
     * One part of an answer (what to buy, products, prices, warnings) before and after.
     *
     * @param part   {@code headline}, {@code answer}, {@code takes no ECA}, {@code out of reach}, {@code retired},
     *               {@code products}, {@code prices} (only when the products stay the same) or {@code warnings}
     * @param before the part under the ruleset compared from, as one line of text; empty when it had none
     * @param after  the part under the ruleset compared to, as one line of text; empty when it has none
     */
    public record Difference(String part, String before, String after) {
    }

    /**
     * Compares the answers of two rulesets over the agencies of both and the scenarios given. An answer either
     * ruleset's gate already worked out (its {@link CheckReport#answers()}) is read from there; only the others
     * are evaluated.
     */
    static Impact between(CheckReport before, CheckReport after, List<Scenario> scenarios, Advisor advisor) {
        Set<String> codes = new LinkedHashSet<>();
        before.ruleset().catalog().all().stream().map(Agency::code).forEach(codes::add);
        after.ruleset().catalog().all().stream().map(Agency::code).forEach(codes::add);
        List<Selections.Labelled> selections = Selections.of(List.copyOf(codes), scenarios);
        List<Change> changes = new ArrayList<>();
        for (Selections.Labelled selection : selections) {
            Map<String, String> old = answer(before, selection.choice(), advisor);
            Map<String, String> now = answer(after, selection.choice(), advisor);
            List<Difference> differences = new ArrayList<>();
            for (String part : PARTS) {
                String was = old.getOrDefault(part, "");
                String is = now.getOrDefault(part, "");
                boolean productsChanged = !old.getOrDefault("products", "").equals(now.getOrDefault("products", ""));
                // Prices are shown only when the products stay: a new product brings its price along.
                if (!was.equals(is) && !(part.equals("prices") && productsChanged)) {
                    differences.add(new Difference(part, was, is));
                }
            }
            if (!differences.isEmpty()) {
                changes.add(new Change(selection.label(), List.copyOf(differences)));
            }
        }
        return new Impact(before.version(), after.version(), selections.size(), List.copyOf(changes));
    }

    /** @return one line: from which version to which, how many selections were compared and how many change */
    public String summary() {
        return changes.size() + " of " + evaluated + " selections answer differently (" + from + " -> " + to + ")";
    }

    /** The parts of an answer a buyer acts on, in the order they are shown. */
    private static final List<String> PARTS = List.of("headline", "answer", "takes no ECA", "out of reach", "retired",
            "products", "prices", "warnings");

    private static <T> String joined(List<Conclusion<T>> conclusions, Function<T, String> text, String separator) {
        return conclusions.stream().map(c -> text.apply(c.fact())).collect(Collectors.joining(separator));
    }

    private static Map<String, String> answer(CheckReport report, Choice choice, Advisor advisor) {
        Map<String, String> known = report.answers().get(choice);
        if (known != null) {
            return known;
        }
        try {
            return describe(advisor.recommend(report.ruleset(), choice, false));
        } catch (SelectionRefusedException | RulesDidNotSettleException e) {
            return unanswered(e);
        }
    }

    /** A selection the rules gave no answer to, as the impact shows it. */
    static Map<String, String> unanswered(RuntimeException why) {
        return Map.of("answer", (why instanceof SelectionRefusedException ? "refused: " : "no answer: ")
                + why.getMessage());
    }

    /** "unstated for A, B", "inferred for C", or both: who leaves a possible type open, and how. */
    private static String open(PossibleType possible) {
        List<String> parts = new ArrayList<>();
        if (!possible.unstatedFor().isEmpty()) {
            parts.add("unstated for " + String.join(", ", possible.unstatedFor()));
        }
        if (!possible.inferredFor().isEmpty()) {
            parts.add("inferred for " + String.join(", ", possible.inferredFor()));
        }
        return String.join("; ", parts);
    }

    /** The parts of an answer a buyer acts on, each as one line of text. */
    static Map<String, String> describe(Recommendation answer) {
        Map<String, String> parts = new LinkedHashMap<>();
        String buy = answer.purchase().isEmpty() ? "nothing to buy" : "buy " + answer.purchase().stream()
                .map(c -> c.fact().type()).collect(Collectors.joining(" + "));
        if (!answer.certificateTypes().isEmpty()) {
            parts.put("answer", "sure " + String.join(", ", answer.certificateTypes()) + "; " + buy);
        } else if (!answer.possibleTypes().isEmpty()) {
            parts.put("answer", "possible " + answer.possibleTypes().stream()
                    .map(c -> c.fact().type() + " (" + open(c.fact()) + ")")
                    .collect(Collectors.joining(", ")) + "; " + buy);
        } else if (answer.conflict() != null) {
            parts.put("answer", "conflict between " + String.join(", ", answer.conflict().agencies()) + "; " + buy);
        } else {
            parts.put("answer", buy);
        }
        parts.put("headline", answer.headline() == null ? "" : answer.headline().fact().text());
        parts.put("takes no ECA", joined(answer.notAcceptingEca(), TakesNoEca::agency, ", "));
        parts.put("out of reach", joined(answer.unreachable(), Unreachable::agency, ", "));
        parts.put("retired", joined(answer.retired(), Retired::agency, ", "));
        parts.put("products", joined(answer.products(), Product::name, ", "));
        parts.put("prices", joined(answer.products(), p -> p.name() + ": " + p.price(), ", "));
        parts.put("warnings", joined(answer.warnings(), Warning::text, " | "));
        return parts;
    }
}
