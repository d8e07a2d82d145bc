package org.ecawizard.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped catalog says what the public sources say, and no more, each fact with how it is known: the table
 * ({@link SourceTable}) is written by hand from those sources and never read back from the rules under test.
 */
class CatalogPolicyTest {

    private final AgencyCatalog catalog = ShippedRules.ruleset().catalog();

    @Test
    void theCatalogHoldsEveryApplicationOfTheSourcesAndNoOther() {
        assertThat(catalog.all()).extracting(Agency::code)
                .containsExactlyInAnyOrderElementsOf(SourceTable.SOURCES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachApplicationSaysWhatItsSourcesSayAndHowItIsKnown() {
        return SourceTable.SOURCES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Agency agency = catalog.find(entry.getKey()).orElseThrow();
            SourceTable.Row row = entry.getValue();
            assertThat(cells(agency)).as("evidence").isEqualTo(SourceTable.byType(row));
            assertThat(agency.status()).as("status").isEqualTo(row.status());
            assertThat(agency.noEca() == null ? null : agency.noEca().kind()).as("noEca").isEqualTo(row.noEca());
            assertThat(agency.nonUs()).as("nonUs").isEqualTo(row.nonUs());
            assertThat(agency.source()).startsWith("http");
            assertThat(agency.evidence()).allSatisfy(item -> {
                assertThat(item.source()).startsWith("http");
                if (item.basis().equals("stated")) {
                    assertThat(item.quote()).isNotBlank();
                    assertThat(item.reading()).isNull();
                } else {
                    assertThat(item.reading()).isNotBlank();
                    assertThat(item.quote()).isNull();
                }
            });
        }));
    }

    /** The agency's types in the table's notation: "+S", "-I", "?". */
    static Map<String, String> cells(Agency agency) {
        Map<String, String> cells = new java.util.HashMap<>();
        agency.unstatedTypes().forEach(type -> cells.put(type, "?"));
        agency.evidence().forEach(item -> cells.put(item.type(),
                (item.stance().equals("accepted") ? "+" : "-") + (item.basis().equals("stated") ? "S" : "I")));
        return cells;
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
    }
}
