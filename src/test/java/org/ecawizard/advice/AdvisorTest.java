package org.ecawizard.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecawizard.catalog.Agency;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.ruleset.Ruleset;
import org.ecawizard.ruleset.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Answers of the shipped rules, read through the same Advisor the API uses. */
class AdvisorTest {

    private static final Pattern ACCEPTANCE = Pattern.compile("new Acceptance\\(\"([A-Z_]+)\", \"([A-Z_]+)\"\\)");

    private final Ruleset ruleset = ShippedRules.ruleset();
    private final Advisor advisor = new Advisor();

    private Recommendation recommend(boolean residesInUs, String... agencies) {
        return advisor.recommend(ruleset, new RecommendationRequest(List.of(agencies), residesInUs));
    }

    /** The types an agency file accepts, read from its text, not from the rules. */
    private Set<String> acceptedInFile(Agency agency) throws IOException {
        String drl = Files.readString(ShippedRules.DIR.resolve("agencies").resolve(agency.code() + ".drl"));
        if (drl.contains("CertificateType($type : code)")) {
            return new TreeSet<>(ruleset.evaluate(List.of()).facts(CertificateType.class).stream()
                    .map(CertificateType::code).toList());
        }
        Set<String> types = new TreeSet<>();
        Matcher m = ACCEPTANCE.matcher(drl);
        while (m.find()) {
            assertThat(m.group(1)).as("agency code in %s.drl", agency.code()).isEqualTo(agency.code());
            types.add(m.group(2));
        }
        return types;
    }

    @TestFactory
    Stream<DynamicTest> everyAgencyAloneIsOfferedExactlyTheTypesItsFileAccepts() {
        assertThat(ruleset.catalog().all()).hasSizeGreaterThanOrEqualTo(13);
        return ruleset.catalog().all().stream().map(agency -> DynamicTest.dynamicTest(agency.code(), () -> {
            Set<String> expected = acceptedInFile(agency);
            Recommendation answer = recommend(true, agency.code());
            assertThat(new TreeSet<>(answer.certificateTypes())).isEqualTo(expected);
            assertThat(new TreeSet<>(agency.acceptedTypes())).isEqualTo(expected);
            assertThat(answer.conflict()).isNull();
            if (expected.isEmpty()) {
                assertThat(answer.notAcceptingEca()).extracting(Recommendation.NoEcaAnswer::agency)
                        .containsExactly(agency.code());
                assertThat(answer.products()).isEmpty();
            } else {
                assertThat(answer.products()).extracting(Recommendation.ProductAnswer::type)
                        .containsOnlyElementsOf(expected);
            }
        }));
    }

    @Test
    void seedExampleCanesAndJpasGetMediumTokenWithReasonsThatNameThemAndTheRules() {
        Recommendation answer = recommend(true, "CANES", "JPAS");

        assertThat(answer.certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer.acceptances()).extracting(Recommendation.AgencyAcceptance::agency,
                        Recommendation.AgencyAcceptance::types, Recommendation.AgencyAcceptance::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CANES",
                                List.of("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE"), "CANES accepts Medium and Medium Token"),
                        org.assertj.core.groups.Tuple.tuple("JPAS", List.of("MEDIUM_TOKEN_ASSURANCE"),
                                "JPAS accepts Medium Token only"));
        assertThat(answer.offered()).singleElement().satisfies(offer -> {
            assertThat(offer.type()).isEqualTo("MEDIUM_TOKEN_ASSURANCE");
            assertThat(offer.rule()).isEqualTo("Offer a type that every selected application accepts");
        });
        assertThat(answer.notOffered()).extracting(Recommendation.NotOfferedType::type,
                        Recommendation.NotOfferedType::rejectedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_ASSURANCE", List.of("JPAS")),
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_HARDWARE_ASSURANCE", List.of("CANES", "JPAS")));
        assertThat(answer.reasons()).first().satisfies(reason -> {
            assertThat(reason.text()).contains("Medium Token", "CANES and JPAS");
            assertThat(reason.rule()).isNotBlank();
        });
        assertThat(answer.reasons()).allSatisfy(reason -> assertThat(reason.rule()).isNotBlank());
        assertThat(answer.proofing()).singleElement().extracting(Recommendation.ProofingAnswer::route)
                .asString().contains("notary");
        assertThat(answer.rulesetVersion()).isEqualTo(ruleset.version()).hasSize(12);
    }

    @Test
    void specialEntriesOfferEveryTypeMostSuitableFirst() {
        for (String special : List.of("NOT_LISTED", "NO_AFFILIATION")) {
            assertThat(recommend(true, special).certificateTypes())
                    .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
        }
        assertThat(ruleset.catalog().all()).filteredOn(Agency::special).extracting(Agency::code)
                .containsExactly("NOT_LISTED", "NO_AFFILIATION");
    }

    @Test
    void conflictNamesTheAgenciesAndTheSmallestCoveringSet() {
        Recommendation answer = recommend(true, "JPAS", "DIBCS");

        assertThat(answer.certificateTypes()).isEmpty();
        assertThat(answer.conflict().agencies()).containsExactly("DIBCS", "JPAS");
        assertThat(answer.conflict().coveringSet()).extracting(Recommendation.Covering::type,
                        Recommendation.Covering::covers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_ASSURANCE", List.of("DIBCS")),
                        org.assertj.core.groups.Tuple.tuple("MEDIUM_TOKEN_ASSURANCE", List.of("JPAS")));
        assertThat(answer.conflict().rule()).isEqualTo("Two selected applications that share no type are in conflict");
        assertThat(answer.products()).extracting(Recommendation.ProductAnswer::type)
                .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
    }

    @Test
    void aConflictWithTwoPossibleCoversOffersTheMostSuitableFirst() {
        // CANES {M, MT}, DIBCS {M}, PIEE {MT, MH}: both {M, MT} and {M, MH} reach everyone.
        Recommendation answer = recommend(true, "CANES", "DIBCS", "PIEE");

        assertThat(answer.conflict().coveringSet()).extracting(Recommendation.Covering::type)
                .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer.conflict().alternativeCoveringSets())
                .containsExactly(List.of("MEDIUM_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE"));
        assertThat(answer.products()).extracting(Recommendation.ProductAnswer::type)
                .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
    }

    @Test
    void aBuyerOutsideTheUsGetsNonUsProductsAndTheProofingRouteAbroad() {
        Recommendation answer = recommend(false, "CANES", "JPAS");

        assertThat(answer.residesInUs()).isFalse();
        assertThat(answer.products()).extracting(Recommendation.ProductAnswer::name)
                .containsExactly("ECA Medium Token Assurance | Hardware Storage | Non-U.S.");
        assertThat(answer.proofing()).singleElement().extracting(Recommendation.ProofingAnswer::route)
                .asString().contains("consular officer", "Authorized DoD Employee");
    }

    @Test
    void residencyDefaultsToTheUs() {
        Recommendation answer = advisor.recommend(ruleset, new RecommendationRequest(List.of("JPAS"), null));

        assertThat(answer.residesInUs()).isTrue();
        assertThat(answer.products()).extracting(Recommendation.ProductAnswer::name)
                .containsExactly("ECA Medium Token Assurance | Hardware Storage");
    }

    @Test
    void anInferredEntryCarriesAWarningThatNamesItsSource() {
        Recommendation answer = recommend(true, "PIEE");

        assertThat(answer.warnings()).anySatisfy(warning -> {
            assertThat(warning.text()).contains("PIEE", "inferred");
            assertThat(warning.source()).contains("wawf");
        });
        assertThat(recommend(true, "CANES").warnings()).noneSatisfy(
                warning -> assertThat(warning.text()).contains("CANES"));
    }

    @Test
    void codesAreTrimmedUpperCasedAndDeduplicated() {
        Recommendation answer = advisor.recommend(ruleset,
                new RecommendationRequest(List.of(" canes", "JPAS ", "jpas"), true));

        assertThat(answer.agencies()).containsExactly("CANES", "JPAS");
    }

    @Test
    void unknownCodesAreRefusedWithWhatWasMeant() {
        assertThatThrownBy(() -> recommend(true, "JPSA", "CANES", "navwar"))
                .isInstanceOfSatisfying(UnknownAgencyException.class, e -> {
                    assertThat(e.getBody().getDetail()).contains("'JPSA' (did you mean JPAS?)", "'NAVWAR'");
                    assertThat(e.getBody().getProperties()).containsEntry("unknown", List.of("JPSA", "NAVWAR"));
                });
    }

    @Test
    void anEmptySelectionOrABlankCodeIsRefused() {
        assertThatThrownBy(() -> recommend(true)).isInstanceOf(InvalidSelectionException.class);
        assertThatThrownBy(() -> recommend(true, "CANES", " ")).isInstanceOf(InvalidSelectionException.class)
                .hasMessageContaining("agencies[1]");
    }
}
