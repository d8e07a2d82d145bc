package org.ecawizard.engine.internal.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.SelectionRefusedException;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Unreachable;
import org.ecawizard.facts.Warning;

/** An answer as the impact compares it: the parts a buyer acts on, each as one line of text. */
public final class AnswerParts {

    private AnswerParts() {
    }

    /** Not a part compared: the rules behind the answer, one per line. */
    private static final String DECIDED_BY = "decided by";

    /** The parts of an answer a buyer acts on, in the order they are shown. */
    static final List<String> PARTS = List.of("headline", "answer", "takes no ECA", "out of reach", "retired",
            "products", "prices", "warnings");

    private static <T> String joined(List<Conclusion<T>> conclusions, Function<T, String> text, String separator) {
        return conclusions.stream().map(c -> text.apply(c.fact())).collect(Collectors.joining(separator));
    }

    /**
     * The rules that decided an answer: the agency rules that gave its evidence, and the rule that concluded what
     * to buy.
     *
     * @param parts an answer's parts, as {@link #of} gives them
     * @return each rule, with its file and line when it is an agency's
     */
    static List<String> decidedBy(Map<String, String> parts) {
        String rules = parts.getOrDefault(DECIDED_BY, "");
        return rules.isEmpty() ? List.of() : List.of(rules.split("\n"));
    }

    /**
     * A selection the rules gave no answer to, as the impact shows it.
     *
     * @param why the refusal, or the rules that did not settle
     * @return the answer part alone, saying why there is none
     */
    public static Map<String, String> unanswered(RuntimeException why) {
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

    /**
     * The parts of an answer a buyer acts on, each as one line of text, and the rules that decided it.
     *
     * @param answer the answer
     * @return each part (see {@link #PARTS}) by its name
     */
    public static Map<String, String> of(Recommendation answer) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(DECIDED_BY, String.join("\n", answer.decidedBy().stream()
                .map(rule -> "\"" + rule.rule() + "\" (" + rule.file() + ":" + rule.line() + ")").toList()));
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
