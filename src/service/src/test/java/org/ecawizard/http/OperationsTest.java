package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.ecawizard.BuildDirectory;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What operations see: the actuator endpoints exposed and no others, the metrics, the decision log, the OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eca.rules.watch=false")
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CONTRACT = Path.of("src/service/src/test/resources/contract/openapi.json");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> actuator(String path) throws Exception {
        return get(managementPort, path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
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
        assertThat(actuator("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(actuator("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        String version = ShippedRules.ruleset().version();
        assertThat(actuator("/actuator/info").body()).contains("\"ruleset\"", "\"version\":\"" + version + "\"",
                "\"build\"", "\"artifact\":\"eca-wizard\"");
    }

    @Test
    void thePublicPortServesTheApiAndThePageAloneAndTheActuatorPortNeither() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String operations : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus"}) {
            assertThat(get(operations).statusCode()).as("public " + operations).isEqualTo(404);
        }
        for (String served : new String[] {"/api/agencies", "/api/ruleset", "/", "/v3/api-docs"}) {
            assertThat(get(served).statusCode()).as("public " + served).isEqualTo(200);
            assertThat(actuator(served).statusCode()).as("actuator port " + served).isEqualTo(404);
        }
    }

    @Test
    void onlyHealthInfoMetricsAndPrometheusAreExposed() throws Exception {
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/shutdown", "/actuator/mappings"}) {
            assertThat(actuator(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(actuator("/actuator").body()).contains("health", "info", "metrics", "prometheus")
                .doesNotContain("\"env\"", "\"beans\"");
    }

    @Test
    void recommendationsAreMeasuredAndEachDecisionIsLoggedAsOneJsonLine(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = recommend("{\"agencies\": [\"CANES\", \"JPAS\"]}", "test-request-1");
        recommend("{\"agencies\": [\"jpas\", \"CANES\"]}", "test-request-2");

        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("test-request-1");
        String version = ShippedRules.ruleset().version();
        assertThat(answer.headers().firstValue("X-Ruleset-Version")).hasValue(version);
        // Whole, not chunked: a replica killed before a last chunk would leave half an answer (WholeAnswers).
        assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(answer.headers().firstValueAsLong("Content-Length"))
                .hasValue(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(answer.body()).contains("\"rulesetVersion\":\"" + version + "\"");
        String prometheus = actuator("/actuator/prometheus").body();
        // Summed over a fleet, this series shows which versions serve, and how many replicas each.
        assertThat(prometheus).containsPattern("eca_ruleset\\{[^}]*version=\"" + version + "\"[^}]*} 1(\\.0)?\n");
        assertThat(prometheus).contains("eca_recommendations_seconds_count", "eca_answers_cache_total{result=\"hit\"}",
                "eca_purchases_total{type=\"MEDIUM_TOKEN_ASSURANCE\"}", "eca_reloads_rejected_total");
        assertThat(output.getOut()).containsPattern(
                "eca\\.decisions.*\\{\"at\":\"[^\"]+\",\"requestId\":\"test-request-1\",\"agencies\":\\[\"CANES\",\"JPAS\"\\],"
                        + "\"residesInUs\":true,\"certificateTypes\":\\[\"MEDIUM_TOKEN_ASSURANCE\"\\],\"purchase\":\\[\"MEDIUM_TOKEN_ASSURANCE\"\\],"
                        + "\"rulesetVersion\":\"[0-9a-f]{12}\",\"decidedBy\":\\[\\{\"rule\":\"CANES: [^\"]+\",\"file\":\"[^\"]+"
                        + "CANES\\.drl\",\"line\":\\d+\\}.*\\]\\}");
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
    void theOpenApiDocumentSaysWhatEveryOperationDoesAndEveryErrorItCanGive() throws Exception {
        JsonNode docs = JSON.readTree(get("/v3/api-docs").body());

        assertThat(docs.path("openapi").asString()).isEqualTo("3.0.1");
        assertThat(docs.path("info").path("title").asString()).isEqualTo("ECA Wizard API");
        assertThat(docs.path("info").path("version").asString()).isNotIn("v0", "").doesNotContain("development");
        assertThat(docs.path("info").path("license").path("name").asString()).isNotBlank();
        assertThat(docs.path("servers").get(0).path("url").asString()).isEqualTo("/");
        List<String> operations = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            operations.add(name);
            // Text blocks wrapped without a trailing backslash leave runs of spaces in the prose: none, here.
            assertThat(operation.path("summary").asString()).as(name).isNotBlank().doesNotContain("  ");
            assertThat(operation.path("description").asString()).as(name).isNotBlank().doesNotContain("  ");
            assertThat(operation.path("responses").propertyNames()).as(name).contains("406", "500");
            if (name.startsWith("POST")) {
                assertThat(operation.path("responses").propertyNames()).as(name).contains("400", "413", "415");
            }
            operation.path("responses").properties().stream().filter(response -> response.getKey().compareTo("400") >= 0)
                    .forEach(response -> assertThat(response.getValue().path("content").path("application/problem+json")
                            .path("schema").path("$ref").asString()).as(name + " " + response.getKey())
                            .isEqualTo("#/components/schemas/Problem"));
        }));
        assertThat(operations).containsExactlyInAnyOrder("POST /api/recommendations", "POST /api/certificate-checks",
                "GET /api/agencies", "GET /api/ruleset");
    }

    /**
     * Every object a client reads or sends says what it is and what each member means (from the records' Javadoc),
     * in Markdown, no HTML: a member that is a bare reference takes its meaning from the referenced object, as
     * OpenAPI 3.0 ignores what stands beside a reference.
     */
    @Test
    void everyObjectAndMemberOfTheDocumentIsDescribed() throws Exception {
        JsonNode schemas = JSON.readTree(get("/v3/api-docs").body()).path("components").path("schemas");
        List<String> undescribed = new ArrayList<>();
        List<String> html = new ArrayList<>();
        schemas.properties().forEach(schema -> {
            String name = schema.getKey();
            check(name, schema.getValue(), undescribed, html);
            schema.getValue().path("properties").properties().forEach(property -> {
                if (!property.getValue().has("$ref")) {
                    check(name + "." + property.getKey(), property.getValue(), undescribed, html);
                }
            });
        });
        assertThat(undescribed).as("without a description: document them in the record's Javadoc").isEmpty();
        assertThat(html).as("descriptions with HTML left in them").isEmpty();
    }

    private static void check(String name, JsonNode schema, List<String> undescribed, List<String> html) {
        String description = schema.path("description").asString("");
        if (description.isBlank()) {
            undescribed.add(name);
        } else if (description.matches("(?s).*(</?[a-zA-Z][^>]*>|&[a-z]+;|&#\\d+;).*")) {
            html.add(name + ": " + description);
        }
    }

    /**
     * The document the generated client is built from (pom.xml, openapi-generator) is the one served, but for
     * its examples (real answers, which follow the rules) and the build's version.
     */
    @Test
    void theServedDocumentIsTheContractTheClientIsGeneratedFrom() throws Exception {
        JsonNode served = contractOf(JSON.readTree(get("/v3/api-docs").body()));
        Path written = BuildDirectory.resolve("contract", "openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");

        assertThat(served).as("The served OpenAPI document is not the contract the client is generated from. If the"
                + " change is meant, review it (diff %s %s) and copy the first over the second.", written, CONTRACT)
                .isEqualTo(JSON.readTree(CONTRACT.toFile()));
    }

    private static JsonNode contractOf(JsonNode document) {
        ObjectNode contract = (ObjectNode) document.deepCopy();
        ((ObjectNode) contract.path("info")).put("version", "");
        for (JsonNode path : contract.path("paths")) {
            for (JsonNode operation : path) {
                operation.path("requestBody").path("content").forEach(media -> ((ObjectNode) media).remove("examples"));
                operation.path("responses").forEach(response -> response.path("content")
                        .forEach(media -> ((ObjectNode) media).remove("examples")));
            }
        }
        return contract;
    }

    /** The document's examples are what the rules answer now, for the scenarios the analysts marked. */
    @Test
    void theRecommendationExamplesAreRealAnswers() throws Exception {
        JsonNode operation = JSON.readTree(get("/v3/api-docs").body()).path("paths").path("/api/recommendations")
                .path("post");
        JsonNode requests = operation.path("requestBody").path("content").path("application/json").path("examples");
        JsonNode answers = operation.path("responses").path("200").path("content").path("application/json")
                .path("examples");
        assertThat(requests.propertyNames()).hasSizeGreaterThanOrEqualTo(2).containsExactlyInAnyOrderElementsOf(
                answers.propertyNames());
        for (String example : requests.propertyNames()) {
            JsonNode answer = JSON.readTree(recommend(requests.path(example).path("value").toString(), "example").body());
            assertThat(answers.path(example).path("value")).as(example).isEqualTo(answer);
        }
    }

    @Test
    void answersAreCompressedAndTheCatalogIsRevalidatedNotRefetched() throws Exception {
        HttpResponse<byte[]> catalog = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/agencies")).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(catalog.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(catalog.body())).readAllBytes(),
                StandardCharsets.UTF_8)).startsWith("[{\"code\":");
        String etag = catalog.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/agencies")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    /** The page's files are revalidated on every use, so a new release is never hidden behind a cached copy. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/wizard.js", "/wizard.css", "/favicon.svg"})
    void thePageIsAlwaysRevalidated(String path) throws Exception {
        HttpResponse<String> file = get(path);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String modified = file.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("If-Modified-Since", modified).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }
}
