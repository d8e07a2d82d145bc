package org.ecawizard.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.certcheck.CertificateCheck;
import org.ecawizard.certcheck.CertificateChecker;
import org.ecawizard.certcheck.HeldCertificateFile;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.RecommendationRequest;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.web.ErrorResponseException;

/** Runs scenarios against a ruleset through the same {@link Advisor} that answers requests. */
public final class ScenarioRunner {

    private final Advisor advisor;
    private final CertificateChecker checker;

    public ScenarioRunner(Advisor advisor) {
        this.advisor = advisor;
        this.checker = new CertificateChecker(advisor, Clock.systemUTC());
    }

    public Result run(Ruleset ruleset, Scenario scenario) {
        Recommendation answer;
        try {
            answer = advisor.recommend(ruleset, new RecommendationRequest(scenario.agencies(), scenario.residesInUs()));
        } catch (ErrorResponseException e) {
            return new Result(scenario, List.of(Objects.toString(e.getBody().getDetail(), e.getMessage())));
        } catch (RuntimeException e) {
            return new Result(scenario, List.of("the rules failed: " + e.getMessage()));
        }
        Scenario.Expect expect = scenario.expect();
        List<String> failures = new ArrayList<>();
        same(failures, "certificateTypes", expect.certificateTypes(), answer.certificateTypes());
        if (expect.notOffered() != null) {
            Map<String, Set<String>> actual = new TreeMap<>();
            answer.notOffered().forEach(n -> actual.put(n.type(), new TreeSet<>(n.rejectedBy())));
            Map<String, Set<String>> expected = new TreeMap<>();
            expect.notOffered().forEach((type, by) -> expected.put(type, new TreeSet<>(by == null ? List.of() : by)));
            same(failures, "notOffered", expected, actual);
        }
        sameSet(failures, "conflict", expect.conflict(),
                answer.conflict() == null ? List.of() : answer.conflict().agencies());
        same(failures, "coveringSet", expect.coveringSet(), answer.conflict() == null ? List.of()
                : answer.conflict().coveringSet().stream().map(Recommendation.Covering::type).toList());
        sameSet(failures, "notAcceptingEca", expect.notAcceptingEca(),
                answer.notAcceptingEca().stream().map(Recommendation.NoEcaAnswer::agency).toList());
        sameSet(failures, "products", expect.products(),
                answer.products().stream().map(Recommendation.ProductAnswer::name).toList());
        List<String> warnings = new ArrayList<>(answer.warnings().stream().map(Recommendation.WarningAnswer::text).toList());
        if (scenario.certificate() != null) {
            CertificateCheck check = check(ruleset, scenario);
            warnings.addAll(check.warnings().stream().map(Recommendation.WarningAnswer::text).toList());
            sameSet(failures, "heldTypes", expect.heldTypes(),
                    check.types().stream().map(CertificateCheck.HeldTypeAnswer::type).toList());
            sameSet(failures, "acceptedBy", expect.acceptedBy(), check.agencies().stream()
                    .filter(CertificateCheck.AgencyVerdict::accepts).map(CertificateCheck.AgencyVerdict::agency).toList());
            mentioned(failures, "renewal", expect.renewalMentions(),
                    check.renewal() == null ? List.of() : List.of(check.renewal().advice()));
        }
        mentioned(failures, "warnings", expect.warningsMention(), warnings);
        mentioned(failures, "reasons", expect.reasonsMention(),
                answer.reasons().stream().map(Recommendation.Statement::text).toList());
        return new Result(scenario, failures);
    }

    /** The certificate check of a scenario's held certificate, on the scenario's selection. */
    private CertificateCheck check(Ruleset ruleset, Scenario scenario) {
        Scenario.Certificate held = scenario.certificate();
        Instant now = Instant.now();
        HeldCertificateFile file = new HeldCertificateFile("scenario '" + scenario.name() + "'", "", now,
                now.plus(Duration.ofDays(held.daysLeft())), held.policies() == null ? List.of() : held.policies(), 1);
        return checker.check(ruleset, file, Choice.of(new RecommendationRequest(scenario.agencies(),
                scenario.residesInUs())), held.daysLeft());
    }

    private static void same(List<String> failures, String field, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            failures.add(field + ": expected " + expected + " but the answer has " + actual);
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

    /** A scenario and what the answer got wrong; passed when nothing. */
    public record Result(Scenario scenario, List<String> failures) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }
}
