package org.ecawizard.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.RecommendationRequest;
import org.ecawizard.catalog.Agency;
import org.ecawizard.ruleset.RulesDidNotSettleException;
import org.ecawizard.ruleset.Ruleset;
import org.ecawizard.scenario.Scenario;
import org.springframework.web.ErrorResponseException;

/**
 * What a new ruleset changes for buyers: every selection (each agency alone, each pair, both residency answers,
 * each scenario) whose answer differs between the two rulesets.
 *
 * @param evaluated how many selections were compared
 */
public record Impact(String from, String to, int evaluated, List<Change> changes) {

    /** One selection whose answer changes. */
    public record Change(String selection, String before, String after) {
    }

    static Impact between(Ruleset before, Ruleset after, List<Scenario> scenarios, Advisor advisor) {
        Set<String> codes = new LinkedHashSet<>();
        before.catalog().all().stream().map(Agency::code).forEach(codes::add);
        after.catalog().all().stream().map(Agency::code).forEach(codes::add);
        List<Selections.Labelled> selections = Selections.of(List.copyOf(codes), scenarios);
        List<Change> changes = new ArrayList<>();
        for (Selections.Labelled selection : selections) {
            String old = describe(before, selection.request(), advisor);
            String now = describe(after, selection.request(), advisor);
            if (!old.equals(now)) {
                changes.add(new Change(selection.label(), old, now));
            }
        }
        return new Impact(before.version(), after.version(), selections.size(), changes);
    }

    public String summary() {
        return changes.size() + " of " + evaluated + " selections answer differently (" + from + " -> " + to + ")";
    }

    /** The answer in one line, with what a buyer would act on: what to buy, at what price, and any warning. */
    static String describe(Ruleset ruleset, RecommendationRequest request, Advisor advisor) {
        Recommendation answer;
        try {
            answer = advisor.recommend(ruleset, request);
        } catch (ErrorResponseException e) {
            return "refused: " + e.getBody().getDetail();
        } catch (RulesDidNotSettleException e) {
            return "no answer: " + e.getMessage();
        }
        StringBuilder line = new StringBuilder();
        if (!answer.certificateTypes().isEmpty()) {
            line.append("offers ").append(String.join(", ", answer.certificateTypes()));
        } else if (answer.conflict() != null) {
            line.append("conflict between ").append(String.join(", ", answer.conflict().agencies()))
                    .append("; buy ").append(answer.conflict().coveringSet().stream()
                            .map(Recommendation.Covering::type).collect(Collectors.joining(" + ")));
        } else {
            line.append("nothing to buy");
        }
        if (!answer.notAcceptingEca().isEmpty()) {
            line.append("; takes no ECA: ").append(answer.notAcceptingEca().stream()
                    .map(Recommendation.NoEcaAnswer::agency).collect(Collectors.joining(", ")));
        }
        if (!answer.products().isEmpty()) {
            line.append("; products: ").append(answer.products().stream()
                    .map(p -> p.name() + " (" + p.price() + ")").collect(Collectors.joining(", ")));
        }
        if (!answer.warnings().isEmpty()) {
            line.append("; warnings: ").append(answer.warnings().stream()
                    .map(Recommendation.WarningAnswer::text).collect(Collectors.joining(" | ")));
        }
        return line.toString();
    }
}
