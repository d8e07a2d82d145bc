package org.ecawizard.engine.internal.recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.facts.NotOffered;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Proofing;
import org.ecawizard.facts.Purchase;
import org.ecawizard.facts.Reason;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Unreachable;
import org.ecawizard.facts.Warning;

/**
 * What an answer must never do: say two things that cannot both hold. Each check names the contradiction it
 * found; an answer without any gives an empty list.
 */
final class AnswerConsistency {

    private final Map<String, String> titles;

    AnswerConsistency(Ruleset ruleset) {
        titles = ruleset.evaluate(List.of()).facts(CertificateType.class).stream()
                .collect(Collectors.toMap(CertificateType::code, CertificateType::title));
    }

    List<String> contradictions(Recommendation answer) {
        List<String> found = new ArrayList<>();
        Set<String> sure = Set.copyOf(answer.certificateTypes());
        Set<String> possible = Set.copyOf(each(answer.possibleTypes(), PossibleType::type));
        Set<String> notOffered = Set.copyOf(each(answer.notOffered(), NotOffered::type));
        List<String> bought = each(answer.purchase(), Purchase::type);
        Set<String> reach = new HashSet<>(answer.agencies());
        reach.removeAll(each(answer.notAcceptingEca(), TakesNoEca::agency));
        reach.removeAll(each(answer.unreachable(), Unreachable::agency));
        // With a special entry and nothing to settle the type, the buyer's program decides and nothing is bought.
        boolean programDecides = answer.headline() != null
                && answer.headline().fact().text().startsWith("Ask your program");

        if (sure.size() + possible.size() + notOffered.size()
                != Stream.of(sure, possible, notOffered).flatMap(Set::stream).distinct().count()) {
            found.add("a type is at once sure, possible or not offered: " + sure + " " + possible + " " + notOffered);
        }
        if (!reach.isEmpty() && sure.size() + possible.size() + notOffered.size() != titles.size()) {
            found.add("not every type has a verdict: " + sure + " " + possible + " " + notOffered);
        }
        if (!sure.isEmpty() && !(bought.size() == 1 && sure.contains(bought.get(0)))) {
            found.add("a sure type exists but the purchase is not one sure type: " + bought);
        } else if (sure.isEmpty() && !possible.isEmpty() && !programDecides
                && !(bought.size() == 1 && possible.contains(bought.get(0)))) {
            found.add("a possible type exists but the purchase is not one possible type: " + bought);
        }
        // Only stated rejections make a conflict; readings that leave no single type are named in notOffered.
        boolean readingsOnly = answer.notOffered().stream().anyMatch(c -> !c.fact().inferredBy().isEmpty());
        boolean conflicted = sure.isEmpty() && possible.isEmpty() && !reach.isEmpty();
        if (conflicted != (answer.conflict() != null) && !(conflicted && readingsOnly)) {
            found.add("conflict is " + answer.conflict() + " though sure " + sure + " and possible " + possible);
        }
        if (answer.conflict() != null && (!answer.conflict().coveringSet().equals(bought) || bought.size() < 2)) {
            found.add("the covering set " + answer.conflict().coveringSet() + " is not the purchase " + bought);
        }
        if (reach.isEmpty() != bought.isEmpty() && !programDecides) {
            found.add("purchase " + bought + " for applications to reach " + reach);
        }
        Set<String> covered = answer.purchase().stream().flatMap(c -> c.fact().covers().stream())
                .collect(Collectors.toSet());
        if (!bought.isEmpty() && !covered.equals(reach)) {
            found.add("the purchase covers " + covered + " but the applications to reach are " + reach);
        }
        if (!Set.copyOf(each(answer.products(), Product::type)).equals(Set.copyOf(bought))) {
            found.add("products " + each(answer.products(), Product::type) + " are not for the purchase " + bought);
        }
        if (!Set.copyOf(each(answer.proofing(), Proofing::type)).equals(Set.copyOf(bought))) {
            found.add("proofing " + each(answer.proofing(), Proofing::type) + " is not for the purchase " + bought);
        }
        for (String type : titles.keySet()) {
            String title = titles.get(type);
            List<String> sentences = Stream.concat(each(answer.reasons(), Reason::text).stream(),
                    each(answer.warnings(), Warning::text).stream()).toList();
            if (bought.contains(type)) {
                sentences.stream().filter(s -> s.contains(title + " will not do") || s.contains(title + " might work"))
                        .forEach(s -> found.add("bought " + type + " but: " + s));
            } else {
                sentences.stream().filter(s -> s.contains("Buy " + title) || s.contains("Buy one " + title))
                        .forEach(s -> found.add("not bought " + type + " but: " + s));
                each(answer.warnings(), Warning::text).stream().filter(s -> s.contains(title))
                        .forEach(s -> found.add("a warning speaks of " + type + ", which is not bought: " + s));
            }
        }
        Stream.concat(each(answer.reasons(), Reason::source).stream(), each(answer.warnings(), Warning::source).stream())
                .filter(source -> !source.equals("wizard") && !source.startsWith("https://"))
                .forEach(source -> found.add("a sentence without a source: " + source));
        if (answer.headline() == null) {
            found.add("no headline");
        } else {
            String headline = answer.headline().fact().text();
            if (bought.isEmpty()) {
                titles.values().stream().filter(headline::contains)
                        .forEach(title -> found.add("nothing is bought but the headline names " + title));
            }
            bought.stream().map(titles::get).filter(title -> !headline.contains(title))
                    .forEach(title -> found.add("the headline '" + headline + "' does not name " + title));
        }
        // A reading is never told as a statement.
        Set<String> read = new HashSet<>();
        answer.notOffered().forEach(c -> read.addAll(c.fact().inferredBy()));
        answer.possibleTypes().forEach(c -> read.addAll(c.fact().inferredFor()));
        Stream.concat(each(answer.reasons(), Reason::text).stream(), each(answer.warnings(), Warning::text).stream())
                .filter(text -> read.stream().anyMatch(agency -> text.contains("source of " + agency + " states")))
                .forEach(text -> found.add("a reading told as a statement: " + text));
        return found;
    }

    private static <T, R> List<R> each(List<Conclusion<T>> conclusions, Function<T, R> field) {
        return conclusions.stream().map(c -> field.apply(c.fact())).toList();
    }
}
