package org.ecawizard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ecawizard.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operations see: the actuator endpoints exposed and no others, the metrics, the decision log, the OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eca.rules.watch=false")
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> recommend(String body, String requestId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsReadyOnlyWithARulesetAndInfoNamesIt() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        String version = ShippedRules.ruleset().version();
        assertThat(get("/actuator/info").body()).contains("\"ruleset\"", "\"version\":\"" + version + "\"",
                "\"build\"", "\"artifact\":\"eca-wizard\"");
    }

    @Test
    void onlyHealthInfoMetricsAndPrometheusAreExposed() throws Exception {
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/shutdown", "/actuator/mappings"}) {
            assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(get("/actuator").body()).contains("health", "info", "metrics", "prometheus")
                .doesNotContain("\"env\"", "\"beans\"");
    }

    @Test
    void recommendationsAreMeasuredAndEachDecisionIsLoggedAsOneJsonLine(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = recommend("{\"agencies\": [\"CANES\", \"JPAS\"]}", "test-request-1");
        recommend("{\"agencies\": [\"jpas\", \"CANES\"]}", "test-request-2");

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("test-request-1");
        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).contains("eca_recommendations_seconds_count", "eca_answers_cache_total{result=\"hit\"}",
                "eca_purchases_total{type=\"MEDIUM_TOKEN_ASSURANCE\"}", "eca_reloads_rejected_total");
        assertThat(output.getOut()).containsPattern(
                "eca\\.decisions.*\\{\"at\":\"[^\"]+\",\"requestId\":\"test-request-1\",\"agencies\":\\[\"CANES\",\"JPAS\"\\],"
                        + "\"residesInUs\":true,\"certificateTypes\":\\[\"MEDIUM_TOKEN_ASSURANCE\"\\],\"purchase\":\\[\"MEDIUM_TOKEN_ASSURANCE\"\\],"
                        + "\"rulesetVersion\":\"[0-9a-f]{12}\"\\}");
    }

    @Test
    void crossOriginCallsAreNotAllowed() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        // Without Access-Control-Allow-Origin a browser refuses the call: CORS is off until configured.
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> call = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/agencies"))
                .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionDocumentsTheContractAndItsProblems() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/recommendations\"", "\"/api/agencies\"", "\"/api/ruleset\"",
                "\"application/problem+json\"", "\"413\"", "\"415\"", "\"ProblemDetail\"", "\"certificateTypes\"");
    }
}
