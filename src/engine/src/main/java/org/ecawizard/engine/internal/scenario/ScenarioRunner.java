package org.ecawizard.engine.internal.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecawizard.engine.CertificateCheck;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.SelectionRefusedException;
import org.ecawizard.engine.internal.certificates.CertificateChecker;
import org.ecawizard.engine.internal.certificates.HeldCertificate;
import org.ecawizard.engine.internal.certificates.HeldFacts;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Evaluation;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.facts.CertificateNote;
import org.ecawizard.facts.HeldType;
import org.ecawizard.facts.HeldVerdict;
import org.ecawizard.facts.NotOffered;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Purchase;
import org.ecawizard.facts.Reason;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Unreachable;
import org.ecawizard.facts.Warning;

/** Runs scenarios against a ruleset through the same {@link Recommender} that answers requests. */
public final class ScenarioRunner {

    private final Recommender recommender;
    private final CertificateChecker checker;

    /** @param recommender what answers the scenarios' selections, as it answers requests */
    public ScenarioRunner(Recommender recommender) {
        this.recommender = recommender;
        this.checker = new CertificateChecker(recommender, Clock.systemUTC());
    }

    /**
     * @param ruleset  the ruleset to ask
     * @param scenario the scenario
     * @return what the answer got wrong; nothing when the scenario passed
     */
    public Result run(Ruleset ruleset, Scenario scenario) {
        Recommendation answer;
        try {
            answer = recommender.recommend(ruleset, scenario.choice(), false);
        } catch (RuntimeException e) {
            return failed(scenario, e);
        }
        return judge(ruleset, scenario, answer);
    }

    /**
     * A scenario whose selection got no answer: refused, or the rules did not settle.
     *
     * @param scenario the scenario
     * @param why      why it got no answer
     * @return the failed result
     */
    public static Result failed(Scenario scenario, RuntimeException why) {
        return new Result(scenario, List.of(why instanceof SelectionRefusedException ? why.getMessage()
                : "the rules failed: " + why.getMessage()), List.of());
    }

    /**
     * Compares the answer to the scenario's selection with what the scenario expects; with a certificate, runs
     * the certificate check too.
     *
     * @param ruleset  the ruleset that answered
     * @param scenario the scenario
     * @param answer   the answer to its selection
     * @return what the answer got wrong; nothing when the scenario passed
     */
    public Result judge(Ruleset ruleset, Scenario scenario, Recommendation answer) {
        Scenario.Expect expect = scenario.expect();
        List<String> failures = new ArrayList<>();
        same(failures, "certificateTypes", expect.certificateTypes(), answer.certificateTypes());
        sameMap(failures, "possibleTypes", expect.possibleTypes(), answer.possibleTypes().stream()
                .map(Conclusion::fact).collect(Collectors.toMap(PossibleType::type,
                        possible -> both(possible.unstatedFor(), possible.inferredFor()))));
        same(failures, "purchase", expect.purchase(), each(answer.purchase(), Purchase::type));
        sameMap(failures, "notOffered", expect.notOffered(), answer.notOffered().stream()
                .map(Conclusion::fact).collect(Collectors.toMap(NotOffered::type,
                        notOffered -> both(notOffered.rejectedBy(), notOffered.inferredBy()))));
        sameSet(failures, "conflict", expect.conflict(),
                answer.conflict() == null ? List.of() : answer.conflict().agencies());
        sameSet(failures, "notAcceptingEca", expect.notAcceptingEca(), each(answer.notAcceptingEca(), TakesNoEca::agency));
        sameSet(failures, "unreachable", expect.unreachable(), each(answer.unreachable(), Unreachable::agency));
        mentioned(failures, "headline", expect.headlineMentions(),
                answer.headline() == null ? List.of() : List.of(answer.headline().fact().text()));
        sameSet(failures, "retired", expect.retired(), each(answer.retired(), Retired::agency));
        sameSet(failures, "products", expect.products(), each(answer.products(), Product::name));
        // With a certificate, the warnings are those the check gives: it carries the answer's.
        List<String> warnings = new ArrayList<>(scenario.certificate() == null ? each(answer.warnings(), Warning::text)
                : List.of());
        List<RuleLocation> fired = List.of();
        if (scenario.certificate() != null) {
            Scenario.Certificate held = scenario.certificate();
            CertificateCheck check;
            try {
                Instant now = Instant.now();
                HeldFacts facts = HeldFacts.of(ruleset.trustStore(), held.issuedBy(), held.notEca(),
                        held.policies() == null ? List.of() : held.policies(), held.daysLeft(), now);
                Evaluation evaluation = checker.evaluate(ruleset, scenario.choice(), facts);
                fired = evaluation.fired();
                check = checker.read(ruleset, scenario.choice(), new HeldCertificate(
                        "scenario '" + scenario.name() + "'", held.issuedBy() == null ? "" : held.issuedBy(), now,
                        now.plus(Duration.ofDays(held.daysLeft())), List.of()), facts, evaluation);
            } catch (RuntimeException e) {
                return new Result(scenario, List.of("the certificate check failed: " + e.getMessage()), fired);
            }
            warnings.addAll(each(check.notes(), CertificateNote::text));
            warnings.addAll(each(check.warnings(), Warning::text));
            sameSet(failures, "heldTypes", expect.heldTypes(), each(check.types(), HeldType::type));
            sameSet(failures, "acceptedBy", expect.acceptedBy(), check.agencies().stream().map(Conclusion::fact)
                    .filter(verdict -> verdict.verdict().equals("accepts")).map(HeldVerdict::agency).toList());
            same(failures, "checkVerdict", expect.checkVerdict(), check.verdict());
            mentioned(failures, "renewal", expect.renewalMentions(),
                    check.renewal() == null ? List.of() : List.of(check.renewal().fact().advice()));
        }
        mentioned(failures, "warnings", expect.warningsMention(), warnings);
        mentioned(failures, "reasons", expect.reasonsMention(), each(answer.reasons(), Reason::text));
        return new Result(scenario, failures, fired);
    }

    private static List<String> both(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static <T> List<String> each(List<Conclusion<T>> conclusions, Function<T, String> field) {
        return conclusions.stream().map(c -> field.apply(c.fact())).toList();
    }

    private static void same(List<String> failures, String field, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(field + ": expected " + expected + " but the answer has " + actual);
        }
    }

    private static void sameMap(List<String> failures, String field, Map<String, List<String>> expected,
                                Map<String, List<String>> actual) {
        if (expected != null) {
            Map<String, Set<String>> want = new TreeMap<>();
            expected.forEach((type, by) -> want.put(type, new TreeSet<>(by == null ? List.of() : by)));
            Map<String, Set<String>> have = new TreeMap<>();
            actual.forEach((type, by) -> have.put(type, new TreeSet<>(by)));
            same(failures, field, want, have);
        }
    }

    private static void sameSet(List<String> failures, String field, Collection<String> expected,
                                Collection<String> actual) {
        same(failures, field, expected == null ? null : new TreeSet<>(expected), new TreeSet<>(actual));
    }

    private static void mentioned(List<String> failures, String field, List<String> words, List<String> texts) {
        if (words == null) {
            return;
        }
        Function<String, String> lower = s -> s.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (texts.stream().map(lower).noneMatch(text -> text.contains(lower.apply(word)))) {
                failures.add(field + ": none mentions '" + word + "' " + texts);
            }
        }
    }

    /**
     * A scenario and what the answer got wrong; passed when nothing.
     *
     * @param fired the rules its certificate check fired; empty without a certificate
     */
    public record Result(Scenario scenario, List<String> failures, List<RuleLocation> fired) {

        /** @return whether the answer got nothing wrong */
        public boolean passed() {
            return failures.isEmpty();
        }
    }
}
