package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.engine.internal.scenario.ScenarioReader;
import org.ecawizard.recommendations.AnswerCache;
import org.ecawizard.recommendations.AnswerWriter;
import org.ecawizard.recommendations.AnswerExamples;
import org.ecawizard.recommendations.DecisionLog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.MultipleOpenApiSupportConfiguration;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract: the endpoints, and a problem+json for every kind of bad request. Every exchange is checked
 * against the OpenAPI document the slice serves ({@link ContractCheck}).
 */
@WebMvcTest
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocSpecPropertiesConfiguration.class, SpringDocWebMvcConfiguration.class,
        MultipleOpenApiSupportConfiguration.class})
@Import({RulesetService.class, AnswerCache.class, AnswerWriter.class, DecisionLog.class, SimpleMeterRegistry.class,
        ApiDocumentation.class, AnswerExamples.class, ContractCheck.class})
class ApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    RulesetService rulesets;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/recommendations").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** What the README tells a back end embedding the library: its answers, as plain Jackson writes them, are the API's. */
    @Test
    void anAnswerOfTheLibraryWrittenByPlainJacksonIsWhatTheServiceSends() throws Exception {
        String sent = post("{\"agencies\": [\"CANES\", \"EMC2\"], \"residesInUs\": false}").getResponse()
                .getContentAsString();
        JsonMapper plain = JsonMapper.builder().build();
        String embedded = plain.writeValueAsString(rulesets.rules().recommend(List.of("CANES", "EMC2"), false));

        assertThat(plain.readTree(embedded)).isEqualTo(plain.readTree(sent));
    }

    @Test
    void seedExample() {
        assertThat(post("{\"agencies\": [\"CANES\", \"JPAS\"], \"residesInUs\": true}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.certificateTypes").asArray()
                            .containsExactly("MEDIUM_TOKEN_ASSURANCE");
                    json.assertThat().extractingPath("$.rulesetVersion").isEqualTo(ShippedRules.ruleset().version());
                    json.assertThat().extractingPath("$.reasons[0].text").asString().contains("CANES and JPAS");
                    json.assertThat().extractingPath("$.possibleTypes").asArray().isEmpty();
                    json.assertThat().extractingPath("$.purchase[0].type").isEqualTo("MEDIUM_TOKEN_ASSURANCE");
                    json.assertThat().extractingPath("$.purchase[0].rule").isEqualTo("Buy the most suitable sure type");
                    json.assertThat().extractingPath("$.notOffered[0].rejectedBy").asArray().containsExactly("JPAS");
                    json.assertThat().extractingPath("$.retired[0].agency").isEqualTo("JPAS");
                    json.assertThat().extractingPath("$.retired[0].replacedBy").isEqualTo("DISS");
                    json.assertThat().extractingPath("$.evidence.unstated[0].agency").isEqualTo("CANES");
                });
    }

    @Test
    void agenciesListTheCatalog() {
        assertThat(mvc.get().uri("/api/agencies").exchange())
                .hasStatusOk()
                .hasHeader("X-Ruleset-Version", ShippedRules.ruleset().version())
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$[?(@.code == 'JPAS')].acceptedTypes[0]").asArray()
                            .containsExactly("MEDIUM_TOKEN_ASSURANCE");
                    json.assertThat().extractingPath("$[?(@.code == 'JPAS')].status").asArray().containsExactly("confirmed");
                    json.assertThat().extractingPath("$[?(@.code == 'JPAS')].rejectedTypes[*]").asArray()
                            .containsExactly("MEDIUM_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
                    json.assertThat().extractingPath("$[?(@.code == 'JPAS')].lifecycle.state").asArray().containsExactly("retired");
                    json.assertThat().extractingPath("$[?(@.code == 'CANES')].lifecycle.state").asArray().containsExactly("active");
                    json.assertThat().extractingPath("$[?(@.code == 'CANES')].unstatedTypes[0]").asArray()
                            .containsExactly("MEDIUM_HARDWARE_ASSURANCE");
                    json.assertThat().extractingPath("$[?(@.code == 'DI2E')].nonUs").asArray().containsExactly("rejected");
                    json.assertThat().extractingPath("$[?(@.code == 'DOD_SAFE')].acceptedTypes[0]").asArray().isEmpty();
                    json.assertThat().extractingPath("$[?(@.code == 'DOD_SAFE')].rejectedTypes[*]").asArray().hasSize(3);
                    json.assertThat().extractingPath("$[?(@.code == 'PIEE')].status").asArray().containsExactly("inferred");
                    json.assertThat().extractingPath("$[?(@.special == true)].code").asArray()
                            .containsExactly("NOT_LISTED", "NO_AFFILIATION");
                });
    }

    @Test
    void rulesetSaysWhatIsInService() {
        assertThat(mvc.get().uri("/api/ruleset").exchange())
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.version").isEqualTo(ShippedRules.ruleset().version());
                    json.assertThat().extractingPath("$.loadedAt").asString().isNotBlank();
                    json.assertThat().extractingPath("$.files").asArray().contains("agencies/JPAS.drl");
                    json.assertThat().doesNotHavePath("$.lastFailedLoad");
                });
    }

    @ParameterizedTest
    @CsvSource({"/api/agencies", "/api/ruleset"})
    void aCatalogOrStatusAlreadyHeldIsNotSentAgain(String path) {
        MvcTestResult first = mvc.get().uri(path).exchange();
        assertThat(first).hasStatusOk().hasHeader("Cache-Control", "no-cache");
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).startsWith("W/\"" + ShippedRules.ruleset().version());

        assertThat(mvc.get().uri(path).header("If-None-Match", etag).exchange()).hasStatus(304);
        assertThat(mvc.get().uri(path).header("If-None-Match", "\"another\"").exchange()).hasStatusOk();
    }

    /** The check every exchange here goes through can fail: an answer the document does not allow is caught. */
    @Test
    void theContractCheckCatchesAnAnswerTheDocumentDoesNotAllow() throws Exception {
        Contract contract = Contract.of(mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString());
        byte[] request = "{\"agencies\": [\"CODE\"]}".getBytes(StandardCharsets.UTF_8);

        for (String answer : List.of("{\"agencies\": [\"CODE\"], \"conflict\": null}",
                "{\"agencies\": \"CODE\"}", "{\"certificateTypes\": [1]}")) {
            assertThatThrownBy(() -> contract.check(new Contract.Exchange("POST", "/api/recommendations", Map.of(),
                    "application/json", request, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8),
                    Map.of()))).as(answer).isInstanceOf(AssertionError.class).hasMessageContaining("breaks");
        }
        assertThatThrownBy(() -> contract.check(new Contract.Exchange("POST", "/api/recommendations", Map.of(),
                "application/json", request, 400, "application/problem+json",
                "{\"title\": 400}".getBytes(StandardCharsets.UTF_8), Map.of()))).isInstanceOf(AssertionError.class);
    }

    /** The analysts' scenarios, asked over HTTP: the same answer as the rules give, in the documented shape. */
    @TestFactory
    Stream<DynamicTest> everyScenarioAnswersOverHttpAsTheRulesDo() {
        Ruleset ruleset = ShippedRules.ruleset();
        return ScenarioReader.read(RuleSource.fromDirectory(ShippedRules.DIR)).scenarios().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    Choice choice = scenario.choice();
                    Map<String, Object> request = new java.util.HashMap<>(Map.of("agencies", choice.agencies(),
                            "residesInUs", choice.residesInUs()));
                    if (choice.usCitizen() != null) {
                        request.put("usCitizen", choice.usCitizen());
                    }
                    String body = json.writeValueAsString(request);
                    assertThat(post(body)).hasStatusOk().bodyJson().isStrictlyEqualTo(
                            json.writeValueAsString(new Recommender().recommend(ruleset, choice, false)));
                }));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"agencies": ["JPSA"]}                          | 400 | urn:eca-wizard:problem:unknown-agency      | did you mean JPAS?
            {"agencies": ["CANES", "NAVWAR"]}               | 400 | urn:eca-wizard:problem:unknown-agency      | did you mean SPAWAR?
            {"agencies": []}                                | 400 | urn:eca-wizard:problem:invalid-selection   | Select at least one agency
            {}                                              | 400 | urn:eca-wizard:problem:invalid-selection   | Select at least one agency
            {"agencies": null}                              | 400 | urn:eca-wizard:problem:invalid-selection   | Select at least one agency
            {"agencies": [null]}                            | 400 | urn:eca-wizard:problem:invalid-selection   | agencies[0] is null
            {"agencies": ["CANES", "  "]}                   | 400 | urn:eca-wizard:problem:invalid-selection   | agencies[1] is blank
            {"agencies": "CANES"}                           | 400 | urn:eca-wizard:problem:unreadable-request  | Field 'agencies' has the wrong type: expected a list
            {"agencies": {"code": "CANES"}}                 | 400 | urn:eca-wizard:problem:unreadable-request  | Field 'agencies' has the wrong type
            {"agencies": [["CANES"]]}                       | 400 | urn:eca-wizard:problem:unreadable-request  | agencies: a list of agency codes as strings
            {"agencies": ["CANES"], "residesInUs": "maybe"} | 400 | urn:eca-wizard:problem:unreadable-request  | Field 'residesInUs' has the wrong type: expected true or false
            {"agencies": ["CANES"], "residesInUS": false}   | 400 | urn:eca-wizard:problem:unreadable-request  | Unknown field 'residesInUS'; the fields are: agencies, residesInUs
            {"agencies": ["CANES"                           | 400 | urn:eca-wizard:problem:unreadable-request  | Malformed JSON at line 1
            ["CANES"]                                       | 400 | urn:eca-wizard:problem:unreadable-request  | send a JSON object like
            `not json`                                      | 400 | urn:eca-wizard:problem:unreadable-request  | Malformed JSON
            `""`                                            | 400 | urn:eca-wizard:problem:unreadable-request  | send a JSON object like
            """)
    void badBodiesGetAProblemThatSaysWhatWasWrong(String body, int status, String type, String detail) {
        assertThat(post(body)).hasStatus(status)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.type").isEqualTo(type);
                    json.assertThat().extractingPath("$.detail").asString().contains(detail).doesNotContain("org.ecawizard");
                    json.assertThat().extractingPath("$.title").asString().isNotBlank();
                });
    }

    @Test
    void anEmptyBodyIsAProblem() {
        assertThat(post("")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("no readable JSON body");
    }

    @Test
    void aWrongContentTypeIsAProblem() {
        assertThat(mvc.post().uri("/api/recommendations").contentType(MediaType.TEXT_PLAIN).content("CANES").exchange())
                .hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("text/plain");
    }

    @Test
    void aWrongMethodIsAProblem() {
        assertThat(mvc.get().uri("/api/recommendations").exchange())
                .hasStatus(405).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/agencies").exchange())
                .hasStatus(405).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownPathIsAProblem() {
        assertThat(mvc.get().uri("/api/nothing-here").exchange())
                .hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @CsvSource({"/api/agencies", "/api/ruleset", "/api/nothing-here"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        assertThat(mvc.get().uri(path).exchange())
                .hasHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("Referrer-Policy", "no-referrer");
    }
}
