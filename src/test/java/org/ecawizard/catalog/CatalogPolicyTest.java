package org.ecawizard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecawizard.ruleset.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped catalog says what the public sources say, and no more. The table below is written by hand from those
 * sources (each agency file cites its own); it is never read back from the rules under test.
 */
class CatalogPolicyTest {

    private static final String M = "MEDIUM_ASSURANCE";
    private static final String MT = "MEDIUM_TOKEN_ASSURANCE";
    private static final String MH = "MEDIUM_HARDWARE_ASSURANCE";
    private static final List<String> ALL = List.of(M, MT, MH);
    private static final List<String> NONE = List.of();

    /** What the sources state: accepted, rejected, unstated; Non-U.S. rule. */
    private record Expected(List<String> accepted, List<String> rejected, List<String> unstated, String nonUs) {
        static Expected of(List<String> accepted, List<String> rejected, List<String> unstated) {
            return new Expected(accepted, rejected, unstated, "unstated");
        }
    }

    private static final Map<String, Expected> SOURCES = Map.ofEntries(
            // IdenTrust's wizard: CANES accepts Medium and Medium Token; silent on Medium Hardware.
            Map.entry("CANES", Expected.of(List.of(M, MT), NONE, List.of(MH))),
            // IdenTrust's wizard: JPAS accepts only Medium Token.
            Map.entry("JPAS", Expected.of(List.of(MT), List.of(M, MH), NONE)),
            // DCSA's DISS FAQ: a smartcard or token is required; no ECA type named.
            Map.entry("DISS", Expected.of(NONE, List.of(M), List.of(MT, MH))),
            // PIEE: certificates without a hardware policy are screened out; no type named as accepted.
            Map.entry("PIEE", Expected.of(NONE, List.of(M), List.of(MT, MH))),
            // A walkthrough of IdenTrust's wizard offers Medium after SPAWAR.
            Map.entry("SPAWAR", Expected.of(List.of(M), NONE, List.of(MT, MH))),
            // Integrate tells its users to buy Medium Token.
            Map.entry("INTEGRATE", Expected.of(List.of(MT), NONE, List.of(M, MH))),
            // Game Warden: hardware tokens only, recommends Medium Token.
            Map.entry("GAME_WARDEN", Expected.of(List.of(MT), List.of(M), List.of(MH))),
            // CONS3RT: Medium (software) or Medium Token.
            Map.entry("CONS3RT", Expected.of(List.of(M, MT), NONE, List.of(MH))),
            // FedMall: a "soft certificate" (read as Medium); the 2017 guide disagrees.
            Map.entry("FEDMALL", Expected.of(List.of(M), NONE, List.of(MT, MH))),
            // An ECA certificate, no type named.
            Map.entry("WICAP", Expected.of(NONE, NONE, ALL)),
            Map.entry("AF_PORTAL", Expected.of(NONE, NONE, ALL)),
            Map.entry("MYNAVSUP", Expected.of(NONE, NONE, ALL)),
            Map.entry("CPARS", Expected.of(NONE, NONE, ALL)),
            Map.entry("EMC2", Expected.of(NONE, NONE, ALL)),
            Map.entry("DVS_WS", Expected.of(NONE, NONE, ALL)),
            // DI2E: the certificate must show U.S. citizenship.
            Map.entry("DI2E", new Expected(NONE, NONE, ALL, "rejected")),
            // No ECA certificate: none needed (DoD SAFE, DIBCS since 2024, SAM.gov, SPRS) or DoD PKI only.
            Map.entry("DOD_SAFE", Expected.of(NONE, ALL, NONE)),
            Map.entry("DIBCS", Expected.of(NONE, ALL, NONE)),
            Map.entry("SAM_GOV", Expected.of(NONE, ALL, NONE)),
            Map.entry("SPRS", Expected.of(NONE, ALL, NONE)),
            Map.entry("CYBER_EXCHANGE", Expected.of(NONE, ALL, NONE)),
            Map.entry("NISP_EMASS", Expected.of(NONE, ALL, NONE)),
            // IdenTrust's wizard: the two special entries lead to every ECA certificate.
            Map.entry("NOT_LISTED", Expected.of(ALL, NONE, NONE)),
            Map.entry("NO_AFFILIATION", Expected.of(ALL, NONE, NONE)));

    private final AgencyCatalog catalog = ShippedRules.ruleset().catalog();

    @Test
    void theCatalogHoldsEveryApplicationOfTheSourcesAndNoOther() {
        assertThat(catalog.all()).extracting(Agency::code).containsExactlyInAnyOrderElementsOf(SOURCES.keySet());
        assertThat(catalog.size()).isGreaterThanOrEqualTo(20);
    }

    @TestFactory
    Stream<DynamicTest> eachApplicationStatesWhatItsSourcesSay() {
        return SOURCES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Agency agency = catalog.find(entry.getKey()).orElseThrow();
            Expected expected = entry.getValue();
            assertThat(agency.acceptedTypes()).as("accepted").containsExactlyElementsOf(expected.accepted());
            assertThat(agency.rejectedTypes()).as("rejected").containsExactlyElementsOf(expected.rejected());
            assertThat(agency.unstatedTypes()).as("unstated").containsExactlyElementsOf(expected.unstated());
            assertThat(agency.nonUs()).as("nonUs").isEqualTo(expected.nonUs());
            assertThat(agency.source()).startsWith("https://");
            assertThat(agency.evidence()).allSatisfy(stated -> assertThat(stated.source()).startsWith("https://"));
        }));
    }

    @Test
    void jpasIsRetiredAndReplacedByDissTheOthersAreActive() {
        assertThat(catalog.find("JPAS").orElseThrow().lifecycle())
                .isEqualTo(new Agency.Lifecycle("retired", "2021-03-31", "DISS", "https://www.dcsa.mil/is/diss/"));
        assertThat(catalog.all()).filteredOn(a -> !a.code().equals("JPAS"))
                .allSatisfy(a -> assertThat(a.lifecycle().state()).isEqualTo("active"));
    }

    @Test
    void datedSourcesCarryTheirDate() {
        assertThat(catalog.find("DVS_WS").orElseThrow().sourceDate()).isEqualTo("2008-02-28");
        assertThat(catalog.find("DVS_WS").orElseThrow().status()).isEqualTo("unconfirmed");
    }
}
