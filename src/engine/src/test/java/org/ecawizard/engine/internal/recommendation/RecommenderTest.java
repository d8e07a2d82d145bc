package org.ecawizard.engine.internal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.InvalidSelectionException;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.UnknownAgencyException;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.facts.Accepts;
import org.ecawizard.facts.NotOffered;
import org.ecawizard.facts.PossibleType;
import org.ecawizard.facts.Product;
import org.ecawizard.facts.Proofing;
import org.ecawizard.facts.Purchase;
import org.ecawizard.facts.Reason;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.TakesNoEca;
import org.ecawizard.facts.Warning;
import org.junit.jupiter.api.Test;

/**
 * Answers of the shipped rules, read through the same Recommender the API uses. Every expectation is written by hand
 * from the public sources the agency files cite, never read back from the rules.
 */
class RecommenderTest {

    private static final String M = "MEDIUM_ASSURANCE";
    private static final String MT = "MEDIUM_TOKEN_ASSURANCE";
    private static final String MH = "MEDIUM_HARDWARE_ASSURANCE";

    private final Ruleset ruleset = ShippedRules.ruleset();
    private final Recommender recommender = new Recommender();

    private Recommendation recommend(boolean residesInUs, String... agencies) {
        return recommender.recommend(ruleset, Choice.of(List.of(agencies), residesInUs), false);
    }

    private static <T, R> List<R> each(List<Conclusion<T>> conclusions, java.util.function.Function<T, R> field) {
        return conclusions.stream().map(c -> field.apply(c.fact())).toList();
    }

    @Test
    void seedExampleCanesAndJpasBuyMediumTokenWithTheEvidenceAndTheRules() {
        Recommendation answer = recommend(true, "CANES", "JPAS");

        assertThat(answer.certificateTypes()).containsExactly(MT);
        assertThat(answer.possibleTypes()).isEmpty();
        assertThat(answer.purchase()).singleElement().satisfies(purchase -> {
            assertThat(purchase.fact().type()).isEqualTo(MT);
            assertThat(purchase.fact().covers()).containsExactly("CANES", "JPAS");
            assertThat(purchase.rule()).isEqualTo("Buy the most suitable sure type");
        });
        // By application, then type, most suitable first; each credited to the agency file that states it.
        assertThat(answer.evidence().accepted()).extracting(c -> c.fact().agency(), c -> c.fact().type(), Conclusion::rule)
                .containsExactly(
                        tuple("CANES", M, "CANES: Medium and Medium Token are accepted"),
                        tuple("CANES", MT, "CANES: Medium and Medium Token are accepted"),
                        tuple("JPAS", MT, "JPAS: only Medium Token is accepted, and JPAS is retired"));
        assertThat(answer.evidence().rejected()).extracting(c -> c.fact().agency(), c -> c.fact().type(), Conclusion::rule)
                .containsExactly(tuple("JPAS", M, "JPAS: only Medium Token is accepted, and JPAS is retired"),
                        tuple("JPAS", MH, "JPAS: only Medium Token is accepted, and JPAS is retired"));
        assertThat(each(answer.evidence().unstated(), u -> u.agency() + " " + u.type())).containsExactly("CANES " + MH);
        assertThat(answer.notOffered()).extracting(c -> c.fact().type(), c -> c.fact().rejectedBy())
                .containsExactly(tuple(M, List.of("JPAS")), tuple(MH, List.of("JPAS")));
        assertThat(each(answer.retired(), Retired::replacedBy)).containsExactly("DISS");
        assertThat(each(answer.proofing(), Proofing::route)).singleElement().asString().contains("notary");
        assertThat(answer.reasons()).allSatisfy(reason -> assertThat(reason.rule()).isNotBlank());
        assertThat(answer.rulesetVersion()).matches("[0-9a-f]{12}");
        // What decided it: the two agencies' rules, where they are written, and the rule that chose what to buy.
        assertThat(answer.decidedBy()).extracting(RuleLocation::rule, RuleLocation::file).containsExactlyInAnyOrder(
                tuple("CANES: Medium and Medium Token are accepted", "rules/agencies/CANES.drl"),
                tuple("JPAS: only Medium Token is accepted, and JPAS is retired", "rules/agencies/JPAS.drl"),
                tuple("Buy the most suitable sure type", "rules/wizard/selection.drl"));
        assertThat(answer.decidedBy()).allSatisfy(rule -> assertThat(rule.line()).isPositive());
    }

    @Test
    void aTypeNoSourceMentionsIsPossibleNotRejected() {
        // CANES's source names Medium and Medium Token and is silent on Medium Hardware.
        Recommendation canes = recommend(true, "CANES");

        assertThat(canes.certificateTypes()).containsExactly(M, MT);
        assertThat(canes.possibleTypes()).extracting(c -> c.fact().type(), c -> c.fact().unstatedFor())
                .containsExactly(tuple(MH, List.of("CANES")));
        assertThat(canes.notOffered()).isEmpty();
        assertThat(each(canes.purchase(), Purchase::type)).containsExactly(M);
        assertThat(each(canes.products(), Product::type)).containsExactly(M);
    }

    @Test
    void withNoSureTypeOnePossibleCertificateIsBoughtAndTheSilentApplicationIsNamed() {
        // Integrate states Medium Token, SPAWAR Medium; neither source rejects anything.
        Recommendation answer = recommend(true, "SPAWAR", "INTEGRATE");

        assertThat(answer.certificateTypes()).isEmpty();
        assertThat(answer.conflict()).isNull();
        assertThat(answer.possibleTypes()).extracting(c -> c.fact().type(), c -> c.fact().unstatedFor())
                .containsExactly(tuple(M, List.of("INTEGRATE")), tuple(MT, List.of("SPAWAR")),
                        tuple(MH, List.of("INTEGRATE", "SPAWAR")));
        // Integrate's own page tells its users to buy Medium Token: that decides before the wizard's order.
        assertThat(each(answer.purchase(), Purchase::type)).containsExactly(MT);
        assertThat(each(answer.warnings(), Warning::text))
                .anyMatch(text -> text.contains("confirm with SPAWAR that it accepts ECA Medium Token Assurance"));
    }

    @Test
    void dibcsNeedsNoEcaCertificateSince2024SoJpasAloneDecides() {
        Recommendation answer = recommend(true, "JPAS", "DIBCS");

        assertThat(answer.certificateTypes()).containsExactly(MT);
        assertThat(answer.conflict()).isNull();
        assertThat(each(answer.purchase(), Purchase::type)).containsExactly(MT);
        assertThat(answer.notAcceptingEca()).singleElement().satisfies(none -> {
            assertThat(none.fact().agency()).isEqualTo("DIBCS");
            assertThat(none.fact().kind()).isEqualTo("not-needed");
            assertThat(none.fact().why()).contains("11 Apr 2024");
            assertThat(none.fact().instead()).contains("PIEE");
        });
    }

    @Test
    void aPkiOnlyApplicationSaysAnEcaCertificateWillNotWorkAndWhatDoes() {
        Recommendation answer = recommend(true, "CYBER_EXCHANGE");

        assertThat(answer.purchase()).isEmpty();
        assertThat(answer.products()).isEmpty();
        assertThat(each(answer.notAcceptingEca(), TakesNoEca::kind)).containsExactly("not-accepted");
        assertThat(each(answer.warnings(), Warning::text)).anySatisfy(text ->
                assertThat(text).contains("does not take an ECA certificate", "DoD CAC").doesNotContain("needs no"));
    }

    @Test
    void theUnlistedProgramDecidesAndNoAffiliationLimitsNoType() {
        Recommendation unlisted = recommend(true, "NOT_LISTED");
        assertThat(unlisted.certificateTypes()).isEmpty();
        assertThat(unlisted.purchase()).isEmpty();
        assertThat(unlisted.headline().fact().text()).startsWith("Ask your program");
        Recommendation unaffiliated = recommend(true, "NO_AFFILIATION");
        assertThat(unaffiliated.certificateTypes()).containsExactly(M, MT, MH);
        assertThat(each(unaffiliated.purchase(), Purchase::type)).containsExactly(M);
        assertThat(ruleset.catalog().all()).filteredOn(a -> a.special()).extracting(a -> a.code())
                .containsExactly("NOT_LISTED", "NO_AFFILIATION");
    }

    @Test
    void aBuyerOutsideTheUsGetsNonUsProductsTheRouteAbroadAndWhereToConfirm() {
        Recommendation answer = recommend(false, "CANES", "JPAS");

        assertThat(answer.residesInUs()).isFalse();
        assertThat(each(answer.products(), Product::name))
                .containsExactly("ECA Medium Token Assurance | Hardware Storage | Non-U.S.");
        assertThat(each(answer.proofing(), Proofing::route)).singleElement().asString()
                .contains("consular officer", "Authorized DoD Employee");
        assertThat(each(answer.warnings(), Warning::text)).filteredOn(text -> text.contains("Non-U.S."))
                .hasSize(2).allSatisfy(text -> assertThat(text).contains("confirm with"));
        assertThat(each(answer.purchase(), Purchase::summary)).noneMatch(text -> text.contains("notary"));
        assertThat(each(recommend(true, "DI2E").warnings(), Warning::text)).noneMatch(text -> text.contains("Non-U.S."));
    }

    @Test
    void residencyDefaultsToTheUs() {
        Recommendation answer = recommender.recommend(ruleset, Choice.of(List.of("JPAS"), null), false);

        assertThat(answer.residesInUs()).isTrue();
        assertThat(each(answer.products(), Product::name)).containsExactly("ECA Medium Token Assurance | Hardware Storage");
    }

    @Test
    void anInferredEntryCarriesAWarningThatNamesItsSource() {
        Recommendation answer = recommend(true, "PIEE");

        assertThat(answer.warnings()).anySatisfy(warning -> {
            assertThat(warning.fact().text()).contains("PIEE", "reading");
            assertThat(warning.fact().source()).contains("wawf-gt.nit.disa.mil");
        });
        assertThat(each(recommend(true, "CANES").warnings(), Warning::text)).noneMatch(text -> text.contains("CANES"));
    }

    @Test
    void everySentenceCarriesItsSourceOrIsPlainlyTheWizards() {
        for (Recommendation answer : List.of(recommend(true, "CANES", "JPAS"), recommend(false, "WICAP", "DI2E"),
                recommend(true, "DIBCS", "PIEE", "NOT_LISTED"))) {
            assertThat(each(answer.reasons(), Reason::source)).allMatch(RecommenderTest::sourced);
            assertThat(each(answer.warnings(), Warning::source)).allMatch(RecommenderTest::sourced);
            assertThat(each(answer.products(), Product::source)).allMatch(RecommenderTest::sourced);
            assertThat(each(answer.notAcceptingEca(), TakesNoEca::source)).allMatch(RecommenderTest::sourced);
            assertThat(each(answer.evidence().accepted(), Accepts::source)).allMatch(RecommenderTest::sourced);
        }
    }

    static boolean sourced(String source) {
        return source.equals("wizard") || source.startsWith("https://");
    }

    @Test
    void codesAreTrimmedUpperCasedAndDeduplicated() {
        Recommendation answer = recommender.recommend(ruleset,
                Choice.of(List.of(" canes", "JPAS ", "jpas"), true), false);

        assertThat(answer.agencies()).containsExactly("CANES", "JPAS");
    }

    @Test
    void unknownCodesAreRefusedWithWhatWasMeant() {
        assertThatThrownBy(() -> recommend(true, "JPSA", "CANES", "navwar"))
                .isInstanceOfSatisfying(UnknownAgencyException.class, e -> {
                    assertThat(e.getMessage()).contains("'JPSA' (did you mean JPAS?)", "'NAVWAR'")
                            .doesNotContain("GET /api");
                    assertThat(e.unknown()).containsExactly("JPSA", "NAVWAR");
                    assertThat(e.suggestions()).containsEntry("JPSA", List.of("JPAS"));
                });
    }

    @Test
    void anEmptySelectionOrABlankCodeIsRefused() {
        assertThatThrownBy(() -> recommend(true)).isInstanceOf(InvalidSelectionException.class);
        assertThatThrownBy(() -> recommend(true, "CANES", " ")).isInstanceOf(InvalidSelectionException.class)
                .hasMessageContaining("agencies[1]");
    }

    @Test
    void notOfferedKeepsStatedRejectionsApartFromReadings() {
        Recommendation answer = recommend(true, "JPAS", "PIEE");

        assertThat(answer.notOffered()).extracting(c -> c.fact().type(), c -> c.fact().rejectedBy(),
                        c -> c.fact().inferredBy(), c -> c.fact().basis())
                .containsExactly(tuple(M, List.of("JPAS"), List.of("PIEE"), "stated"),
                        tuple(MH, List.of("JPAS"), List.of(), "stated"));
        assertThat(each(answer.possibleTypes(), PossibleType::type)).containsExactly(MT);
        assertThat(each(answer.notOffered(), NotOffered::type)).doesNotContain(MT);
    }
}
