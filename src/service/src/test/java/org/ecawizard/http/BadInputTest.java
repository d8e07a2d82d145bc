package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A corpus of bad requests against every endpoint, over a real port: each gets the right 4xx with a
 * problem+json body that names the problem, never a 500 or a stack trace, and the service answers the seed
 * example correctly afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eca.rules.watch=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final String JSON = "application/json";
    private static final String RECOMMEND = "/api/recommendations";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();
    private Contract contract;

    /** The OpenAPI document this service serves: every problem it answers must be one the document allows. */
    private Contract contract() throws Exception {
        if (contract == null) {
            contract = Contract.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        return contract;
    }

    /** One bad request and what it must get. */
    record Bad(String name, String method, String path, String contentType, byte[] body, boolean chunked,
               int status, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad post(String name, String body, int status, String detail) {
        return new Bad(name, "POST", RECOMMEND, JSON, body.getBytes(StandardCharsets.UTF_8), false, status, detail);
    }

    static Bad raw(String name, byte[] body, int status, String detail) {
        return new Bad(name, "POST", RECOMMEND, JSON, body, false, status, detail);
    }

    static Bad call(String name, String method, String path, String contentType, String body, int status,
                    String detail) {
        return new Bad(name, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false, status, detail);
    }

    static String codes(String code, int times) {
        return "{\"agencies\": [" + String.join(", ", Collections.nCopies(times, "\"" + code + "\"")) + "]}";
    }

    static Stream<Bad> corpus() {
        List<Bad> bad = new ArrayList<>(List.of(
                // Malformed and truncated JSON
                post("an open brace", "{", 400, "Malformed JSON"),
                post("a truncated list", "{\"agencies\": [", 400, "Malformed JSON"),
                post("a truncated string list", "{\"agencies\": [\"CANES\"", 400, "Malformed JSON"),
                post("a missing closing brace", "{\"agencies\": [\"CANES\"]", 400, "Malformed JSON"),
                post("a trailing comma", "{\"agencies\": [\"CANES\",]}", 400, "Malformed JSON"),
                post("single quotes", "{\"agencies\": ['CANES']}", 400, "Malformed JSON"),
                post("an unquoted key", "{agencies: [\"CANES\"]}", 400, "Malformed JSON"),
                post("plain text", "not json", 400, "Malformed JSON"),
                post("XML", "<agencies>CANES</agencies>", 400, "Malformed JSON"),
                post("a second closing brace", "{\"agencies\": [\"CANES\"]}}", 400, ""),
                post("two documents", "{\"agencies\": [\"CANES\"]} {\"agencies\": []}", 400, ""),
                // Wrong types
                post("agencies as a string", "{\"agencies\": \"CANES\"}", 400, "Field 'agencies' has the wrong type"),
                post("agencies as a number", "{\"agencies\": 42}", 400, "Field 'agencies' has the wrong type"),
                post("agencies as a boolean", "{\"agencies\": true}", 400, "Field 'agencies' has the wrong type"),
                post("agencies as an object", "{\"agencies\": {\"code\": \"CANES\"}}", 400, "wrong type"),
                post("a number as a code", "{\"agencies\": [42]}", 400, ""),
                post("a boolean as a code", "{\"agencies\": [true]}", 400, ""),
                post("a nested list", "{\"agencies\": [[\"CANES\"]]}", 400, ""),
                post("an object as a code", "{\"agencies\": [{\"code\": \"CANES\"}]}", 400, ""),
                post("residency as a word", "{\"agencies\": [\"CANES\"], \"residesInUs\": \"yes\"}", 400,
                        "residesInUs"),
                post("residency as a number", "{\"agencies\": [\"CANES\"], \"residesInUs\": 1}", 400, "residesInUs"),
                post("residency as a list", "{\"agencies\": [\"CANES\"], \"residesInUs\": []}", 400, "residesInUs"),
                post("a JSON string body", "\"CANES\"", 400, ""),
                post("a JSON number body", "42", 400, ""),
                post("a JSON list body", "[\"CANES\"]", 400, "send a JSON object like"),
                // Nulls and nothing
                post("a null body", "null", 400, ""),
                post("null agencies", "{\"agencies\": null}", 400, "Select at least one agency"),
                post("a null code", "{\"agencies\": [null]}", 400, "agencies[0] is null"),
                post("a null among codes", "{\"agencies\": [\"CANES\", null]}", 400, "agencies[1] is null"),
                post("an empty body", "", 400, "no readable JSON body"),
                post("whitespace only", "  \n ", 400, ""),
                post("an empty object", "{}", 400, "Select at least one agency"),
                post("an empty selection", "{\"agencies\": []}", 400, "Select at least one agency"),
                post("a blank code", "{\"agencies\": [\"  \"]}", 400, "agencies[0] is blank"),
                // Unknown fields and codes
                post("an unknown field", "{\"agencies\": [\"CANES\"], \"extra\": 1}", 400, "Unknown field 'extra'"),
                post("a misspelt field", "{\"agency\": [\"CANES\"]}", 400, "Unknown field 'agency'"),
                post("a misspelt residency", "{\"agencies\": [\"CANES\"], \"residesInUS\": false}", 400,
                        "Unknown field 'residesInUS'"),
                post("a misspelt code", "{\"agencies\": [\"JPSA\"]}", 400, "did you mean JPAS?"),
                post("an unknown code", "{\"agencies\": [\"NOPE\"]}", 400, "Unknown agency code 'NOPE'"),
                post("a code with a NUL", "{\"agencies\": [\"CAN\\u0000ES\"]}", 400, "Unknown agency code"),
                post("a right-to-left override", "{\"agencies\": [\"\\u202eSAPJ\"]}", 400, "Unknown agency code"),
                post("markup as a code", "{\"agencies\": [\"<script>alert(1)</script>\"]}", 400, "Unknown agency"),
                // Sizes
                post("10,000 agency codes (over the body limit)", codes("CANES", 10_000), 413, "at most 65536"),
                post("101 agency codes", codes("CANES", 101), 400, "101 entries; at most 100"),
                post("the same code 1,000 times", codes("JPAS", 1_000), 400, "at most 100"),
                post("a 10,000-character code", codes("X".repeat(10_000), 1), 400, "at most 64"),
                post("a 65-character code", codes("A".repeat(65), 1), 400, "at most 64"),
                raw("a 5 MB body", ("{\"agencies\": [\"CANES\"], \"pad\": \"" + "x".repeat(5 << 20) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), 413, "at most 65536"),
                raw("70 KB of whitespace", ("{\"agencies\": [\"CANES\"]" + " ".repeat(70_000) + "}")
                        .getBytes(StandardCharsets.UTF_8), 413, "at most 65536"),
                // Control characters and invalid UTF-8
                raw("a raw control character", "{\"agencies\": [\"CA\u0001NES\"]}".getBytes(StandardCharsets.UTF_8),
                        400, ""),
                raw("invalid UTF-8 in a code", bytes("{\"agencies\": [\"CA", new byte[] {(byte) 0xC3, 0x28}, "NES\"]}"),
                        400, ""),
                raw("a lone 0xFF byte", bytes("{\"agencies\": [\"", new byte[] {(byte) 0xFF}, "\"]}"), 400, ""),
                raw("a truncated multi-byte character", bytes("{\"agencies\": [\"JPAS", new byte[] {(byte) 0xE2, (byte) 0x82},
                        "\"]}"), 400, ""),
                // Deeply nested JSON
                post("lists nested 5,000 deep", "{\"agencies\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", 400, ""),
                post("objects nested 2,000 deep", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), 400, ""),
                // Wrong content type
                call("text/plain", "POST", RECOMMEND, "text/plain", "{\"agencies\": [\"CANES\"]}", 415, "text/plain"),
                call("XML content type", "POST", RECOMMEND, "application/xml", "<a/>", 415, "application/xml"),
                call("a form", "POST", RECOMMEND, "application/x-www-form-urlencoded", "agencies=CANES", 415, ""),
                call("no content type", "POST", RECOMMEND, null, "{\"agencies\": [\"CANES\"]}", 415, ""),
                // Wrong method
                call("GET recommendations", "GET", RECOMMEND, null, null, 405, "GET"),
                call("PUT recommendations", "PUT", RECOMMEND, JSON, "{}", 405, "PUT"),
                call("DELETE recommendations", "DELETE", RECOMMEND, null, null, 405, "DELETE"),
                call("PATCH recommendations", "PATCH", RECOMMEND, JSON, "{}", 405, "PATCH"),
                call("POST agencies", "POST", "/api/agencies", JSON, "{}", 405, "POST"),
                call("DELETE agencies", "DELETE", "/api/agencies", null, null, 405, "DELETE"),
                call("POST ruleset", "POST", "/api/ruleset", JSON, "{}", 405, "POST"),
                call("PUT ruleset", "PUT", "/api/ruleset", JSON, "{}", 405, "PUT"),
                // Unknown paths and query junk
                call("a singular path", "GET", "/api/recommendation", null, null, 404, ""),
                call("an agency by path", "GET", "/api/agencies/JPAS", null, null, 404, ""),
                call("an unknown API", "GET", "/api/nothing", null, null, 404, ""),
                call("an actuator endpoint not exposed", "GET", "/actuator/env", null, null, 404, ""),
                call("trace that is not a boolean", "POST", RECOMMEND + "?trace=maybe", JSON,
                        "{\"agencies\": [\"CANES\"]}", 400, "trace")));
        String boundary = "----eca-test-boundary";
        bad.add(new Bad("a 5 MB certificate file", "POST", "/api/certificate-checks",
                "multipart/form-data; boundary=" + boundary, ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"agencies\"\r\n\r\nJPAS\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"certificate\"; filename=\"huge.cer\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(5 << 20) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8), false, 413, "at most 65536"));
        bad.add(call("a certificate check that is not JSON", "POST", "/api/certificate-checks", "text/plain", "x", 415, ""));
        bad.add(call("garbage as a certificate", "POST", "/api/certificate-checks", JSON,
                "{\"certificate\": \"hello\", \"agencies\": [\"JPAS\"]}", 400, "not an X.509 certificate"));
        bad.add(call("GET certificate checks", "GET", "/api/certificate-checks", null, null, 405, "GET"));
        bad.add(new Bad("a 5 MB body in chunks", "POST", RECOMMEND, JSON,
                ("{\"agencies\": [\"CANES\"], \"pad\": \"" + "x".repeat(5 << 20) + "\"}").getBytes(StandardCharsets.UTF_8),
                true, 413, "larger than 65536"));
        return bad.stream();
    }

    static byte[] bytes(String before, byte[] middle, String after) {
        byte[] start = before.getBytes(StandardCharsets.UTF_8);
        byte[] end = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + middle.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputGetsAProblemThatNamesIt(Bad bad) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + bad.path()));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        HttpRequest.BodyPublisher body = bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : bad.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bad.body()))
                : HttpRequest.BodyPublishers.ofByteArray(bad.body());
        HttpResponse<String> response = http.send(request.method(bad.method(), body).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        URI sent = URI.create(bad.path());
        Map<String, List<String>> query = sent.getQuery() == null ? Map.of()
                : Map.of(sent.getQuery().split("=")[0], List.of(sent.getQuery().split("=")[1]));
        contract().check(new Contract.Exchange(bad.method(), sent.getPath(), query, bad.contentType(), bad.body(),
                response.statusCode(), "application/problem+json", response.body().getBytes(StandardCharsets.UTF_8),
                response.headers().map()));
        assertThat(response.body()).contains("\"status\":" + bad.status(), "\"detail\":\"")
                .contains(bad.detail())
                .doesNotContain("Exception", "at org.", "at java.");
    }

    @AfterAll
    void theServiceStillAnswersTheSeedExample() throws Exception {
        HttpResponse<String> seed = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + RECOMMEND)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"agencies\": [\"CANES\", \"JPAS\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(seed.statusCode()).isEqualTo(200);
        assertThat(seed.body()).contains("\"certificateTypes\":[\"MEDIUM_TOKEN_ASSURANCE\"]");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
