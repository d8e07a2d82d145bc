package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecawizard.engine.internal.catalog.SourceTable;
import org.ecawizard.engine.internal.certificates.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each fact is known, over the packaged jar's real port: every application's evidence as the hand-written
 * {@link SourceTable} has it (basis included), and the answers that rest on it: a reading is never told as a
 * statement, the special entries and "no certificate needed" keep their own meaning, citizenship decides what a
 * buyer can reach, and a source's recommendation decides before the wizard's own order.
 */
class EvidenceIT {

    @TempDir
    static Path workDir;

    private static RunningJar jar;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        jar = RunningJar.start(workDir, "--eca.rules.dir=" + TestCertificates.rules());
    }

    @AfterAll
    static void stop() throws Exception {
        jar.close();
    }

    private static JsonNode ask(String body) throws Exception {
        return jar.recommend(body);
    }

    /** A test certificate with this ECA policy suffix, checked against the selection in {@code request}: 200 or fail. */
    private static JsonNode check(String policySuffix, Map<String, Object> request) throws Exception {
        Map<String, Object> body = new HashMap<>(request);
        body.put("certificate", TestCertificates.pem(TestCertificates.PKI.leaf(policySuffix)));
        var response = jar.post("/api/certificate-checks", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode answer, String part, String field) {
        List<String> texts = new ArrayList<>();
        answer.get(part).forEach(item -> texts.add(item.get(field).asString()));
        return texts;
    }

    private static List<String> sentences(JsonNode answer) {
        List<String> all = new ArrayList<>(texts(answer, "reasons", "text"));
        all.addAll(texts(answer, "warnings", "text"));
        return all;
    }

    /** Over a real port: only a certificate on a valid path to an ECA root of the trust store is an ECA one. */
    @Test
    void aSelfSignedCertificateAndOneFromACaOutsideTheStoreAreNotEcaCertificates() throws Exception {
        var pki = TestCertificates.PKI;
        Map<String, String> why = Map.of(
                TestCertificates.pem(pki.selfSigned("5")), "it is signed by itself",
                TestCertificates.pem(pki.leafOfUnknownCa("5")), "it was issued by Test Unknown Root",
                TestCertificates.pem(pki.leafOfExpiredCa("5"), pki.expiredCa), "its issuing CA's certificate");
        for (var certificate : why.entrySet()) {
            var response = jar.post("/api/certificate-checks", JSON.writeValueAsString(Map.of(
                    "certificate", certificate.getKey(), "agencies", List.of("CANES", "JPAS"))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode check = JSON.readTree(response.body());
            assertThat(check.get("verdict").asString()).isEqualTo("not-eca");
            assertThat(check.get("summary").asString()).contains(certificate.getValue());
            assertThat(check.has("issuingCa")).isFalse();
        }
        JsonNode ours = check("5", Map.of("agencies", List.of("CANES", "JPAS")));
        assertThat(ours.get("verdict").asString()).isEqualTo("covers");
        assertThat(ours.get("issuingCa").asString()).isEqualTo(TestCertificates.ISSUING_CA);
    }

    @TestFactory
    Stream<DynamicTest> everyApplicationSaysWhatItsSourcesSayAndHowItIsKnown() {
        JsonNode catalog = jar.get("/api/agencies");
        assertThat(catalog.size()).isEqualTo(SourceTable.SOURCES.size());
        Map<String, JsonNode> byCode = new HashMap<>();
        catalog.forEach(agency -> byCode.put(agency.get("code").asString(), agency));
        return SourceTable.SOURCES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            JsonNode agency = byCode.get(entry.getKey());
            SourceTable.Row row = entry.getValue();
            Map<String, String> cells = new HashMap<>();
            agency.get("unstatedTypes").forEach(type -> cells.put(type.asString(), "?"));
            agency.get("evidence").forEach(item -> cells.put(item.get("type").asString(),
                    (item.get("stance").asString().equals("accepted") ? "+" : "-")
                            + (item.get("basis").asString().equals("stated") ? "S" : "I")));
            assertThat(cells).as("evidence").isEqualTo(SourceTable.byType(row));
            assertThat(agency.get("status").asString()).as("status").isEqualTo(row.status());
            assertThat(agency.has("noEca") ? agency.get("noEca").get("kind").asString() : null).as("noEca")
                    .isEqualTo(row.noEca());
            assertThat(agency.get("nonUs").asString()).as("nonUs").isEqualTo(row.nonUs());
            agency.get("evidence").forEach(item -> assertThat(item.has(
                    item.get("basis").asString().equals("stated") ? "quote" : "reading")).isTrue());
        }));
    }

    @Test
    void aTypeRejectedByReadingIsNotOfferedAsTheReadingItIsAndNeverSaidToBeStated() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"DISS\"]}");

        JsonNode notOffered = answer.get("notOffered").get(0);
        assertThat(notOffered.get("type").asString()).isEqualTo("MEDIUM_ASSURANCE");
        assertThat(notOffered.get("basis").asString()).isEqualTo("inferred");
        assertThat(notOffered.get("inferredBy").toString()).isEqualTo("[\"DISS\"]");
        assertThat(notOffered.get("rejectedBy").toString()).isEqualTo("[]");
        assertThat(answer.has("conflict")).isFalse();
        assertThat(sentences(answer)).noneMatch(text -> text.contains("DISS states"))
                .anyMatch(text -> text.contains("by the wizard's reading of its source, DISS does not take it"));
    }

    @Test
    void aTypeAcceptedByReadingIsPossibleNotSure() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"FEDMALL\"]}");

        assertThat(answer.get("certificateTypes").toString()).isEqualTo("[]");
        JsonNode medium = answer.get("possibleTypes").get(0);
        assertThat(medium.get("type").asString()).isEqualTo("MEDIUM_ASSURANCE");
        assertThat(medium.get("inferredFor").toString()).isEqualTo("[\"FEDMALL\"]");
        assertThat(sentences(answer)).noneMatch(text -> text.contains("is stated to accept"))
                .anyMatch(text -> text.contains("the wizard reads its source so"));
    }

    @Test
    void theUnlistedProgramStatesNothingAndDecides() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"NOT_LISTED\"]}");

        assertThat(answer.get("certificateTypes").toString()).isEqualTo("[]");
        assertThat(answer.get("purchase").toString()).isEqualTo("[]");
        assertThat(answer.get("headline").get("text").asString()).startsWith("Ask your program which ECA type it takes");
        assertThat(answer.get("headline").get("source").asString()).isEqualTo("wizard");
        assertThat(answer.get("evidence").get("accepted").toString()).isEqualTo("[]");
    }

    @Test
    void aGameWardenUserWhoFollowsItsInstructionsBuysMediumToken() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"NO_AFFILIATION\", \"GAME_WARDEN\"]}");

        assertThat(answer.get("purchase").get(0).get("type").asString()).isEqualTo("MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer.get("purchase").get(0).get("covers").toString())
                .isEqualTo("[\"GAME_WARDEN\",\"NO_AFFILIATION\"]");
    }

    @Test
    void anApplicationsOwnRecommendationDecidesAmongPossibleTypesBeforeRank() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"SPAWAR\", \"INTEGRATE\"]}");

        JsonNode bought = answer.get("purchase").get(0);
        assertThat(bought.get("type").asString()).isEqualTo("MEDIUM_TOKEN_ASSURANCE");
        assertThat(bought.get("rule").asString())
                .isEqualTo("With no sure type, buy the possible type a selected application recommends");
        assertThat(answer.get("headline").get("text").asString())
                .isEqualTo("Buy one ECA Medium Token Assurance certificate once SPAWAR confirms that it accepts it.");
    }

    @Test
    void noCertificateNeededAndNoCertificateAcceptedAreTwoThings() throws Exception {
        JsonNode dibcs = ask("{\"agencies\": [\"DIBCS\"]}").get("notAcceptingEca").get(0);
        JsonNode exchange = ask("{\"agencies\": [\"CYBER_EXCHANGE\"]}").get("notAcceptingEca").get(0);

        assertThat(dibcs.get("kind").asString()).isEqualTo("not-needed");
        assertThat(exchange.get("kind").asString()).isEqualTo("not-accepted");
        assertThat(exchange.get("instead").asString()).contains("DoD CAC");
    }

    @Test
    void aBuyerWhoIsNotAUsCitizenCannotReachDi2eAndNoPurchaseClaimsIt() throws Exception {
        JsonNode alone = ask("{\"agencies\": [\"DI2E\"], \"residesInUs\": true, \"usCitizen\": false}");
        JsonNode withCanes = ask("{\"agencies\": [\"DI2E\", \"CANES\"], \"residesInUs\": true, \"usCitizen\": false}");

        assertThat(alone.get("purchase").toString()).isEqualTo("[]");
        assertThat(alone.get("unreachable").get(0).get("agency").asString()).isEqualTo("DI2E");
        assertThat(alone.get("unreachable").get(0).get("source").asString())
                .isEqualTo("https://di2e.net/display/DI2E/Accounts");
        assertThat(withCanes.get("purchase").get(0).get("covers").toString()).isEqualTo("[\"CANES\"]");
    }

    @Test
    void aUsCitizenAbroadIsNotPutOffDi2eAndGetsTheirProofingRoute() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"DI2E\"], \"residesInUs\": false, \"usCitizen\": true}");

        assertThat(answer.get("unreachable").toString()).isEqualTo("[]");
        assertThat(answer.get("purchase").get(0).get("covers").toString()).isEqualTo("[\"DI2E\"]");
        assertThat(sentences(answer)).noneMatch(text -> text.contains("no ECA certificate will get you in"));
        assertThat(texts(answer, "proofing", "route")).singleElement().asString()
                .contains("U.S. consular officer").doesNotContain("Everyone else");
    }

    @Test
    void withoutACitizenshipTheAnswerSaysWhatDi2eRequiresInsteadOfAssuming() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"DI2E\"]}");

        assertThat(answer.has("usCitizen")).isFalse();
        assertThat(answer.get("purchase").get(0).get("covers").toString()).isEqualTo("[\"DI2E\"]");
        assertThat(texts(answer, "warnings", "text"))
                .anyMatch(text -> text.contains("If you are not a U.S. citizen, no ECA certificate will get you in"));
    }

    @Test
    void abroadNoSentenceSaysANotaryChecksIdentity() throws Exception {
        JsonNode answer = ask("{\"agencies\": [\"CANES\"], \"residesInUs\": false}");

        assertThat(texts(answer, "purchase", "summary")).noneMatch(text -> text.contains("notary"));
        assertThat(texts(answer, "proofing", "route")).noneMatch(text -> text.contains("notary"));
        assertThat(sentences(answer)).noneMatch(text -> text.contains("notary"));
    }

    @Test
    void aCertificateCheckTellsAReadingAsAReading() throws Exception {
        JsonNode check = check("1", Map.of("agencies", List.of("DISS")));

        assertThat(check.get("verdict").asString()).isEqualTo("misses");
        assertThat(check.get("summary").asString()).contains("or the wizard's reading of them");
        assertThat(check.get("agencies").get(0).get("why").asString())
                .startsWith("By the wizard's reading of its source, DISS does not take ECA Medium Assurance");
    }

    @Test
    void aCheckForApplicationsOutOfReachStillGetsAVerdict() throws Exception {
        JsonNode check = check("9", Map.of("agencies", List.of("DI2E", "DOD_SAFE"), "usCitizen", false));

        assertThat(check.get("summary").asString())
                .isEqualTo("No ECA certificate gets you into DI2E: see why for each.");
    }

    @Test
    void theCertificateCheckCarriesTheAnswersWarnings() throws Exception {
        JsonNode check = check("3", Map.of("agencies", List.of("JPAS")));

        assertThat(check.get("verdict").asString()).isEqualTo("covers");
        assertThat(texts(check, "warnings", "text")).anyMatch(text -> text.contains("was retired on 2021-03-31"));
    }
}
