package org.ecawizard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ecawizard.advice.Advisor;
import org.ecawizard.certcheck.CertificateChecker;
import org.ecawizard.advice.AnswerCache;
import org.ecawizard.advice.Recommender;
import org.ecawizard.live.RulesetService;
import org.ecawizard.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The HTTP contract: the three endpoints, and a problem+json for every kind of bad request. */
@WebMvcTest
@Import({RulesetService.class, Advisor.class, AnswerCache.class, Recommender.class, DecisionLog.class, SimpleMeterRegistry.class,
        CertificateChecker.class})
class ApiTest {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/recommendations").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
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
                    json.assertThat().extractingPath("$.lastFailedLoad").isNull();
                });
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"agencies": ["JPSA"]}                          | 400 | /problems/unknown-agency      | did you mean JPAS?
            {"agencies": ["CANES", "NAVWAR"]}               | 400 | /problems/unknown-agency      | did you mean SPAWAR?
            {"agencies": []}                                | 400 | /problems/invalid-selection   | Select at least one agency
            {}                                              | 400 | /problems/invalid-selection   | Select at least one agency
            {"agencies": null}                              | 400 | /problems/invalid-selection   | Select at least one agency
            {"agencies": [null]}                            | 400 | /problems/invalid-selection   | agencies[0] is null
            {"agencies": ["CANES", "  "]}                   | 400 | /problems/invalid-selection   | agencies[1] is blank
            {"agencies": "CANES"}                           | 400 | /problems/unreadable-request  | Field 'agencies' has the wrong type: expected a list
            {"agencies": {"code": "CANES"}}                 | 400 | /problems/unreadable-request  | Field 'agencies' has the wrong type
            {"agencies": [["CANES"]]}                       | 400 | /problems/unreadable-request  | agencies: a list of agency codes as strings
            {"agencies": ["CANES"], "residesInUs": "maybe"} | 400 | /problems/unreadable-request  | Field 'residesInUs' has the wrong type: expected true or false
            {"agencies": ["CANES"], "residesInUS": false}   | 400 | /problems/unreadable-request  | Unknown field 'residesInUS'; the fields are: agencies, residesInUs
            {"agencies": ["CANES"                           | 400 | /problems/unreadable-request  | Malformed JSON at line 1
            ["CANES"]                                       | 400 | /problems/unreadable-request  | send a JSON object like
            `not json`                                      | 400 | /problems/unreadable-request  | Malformed JSON
            `""`                                            | 400 | /problems/unreadable-request  | send a JSON object like
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
