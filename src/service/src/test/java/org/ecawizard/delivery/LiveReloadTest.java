package org.ecawizard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.ecawizard.http.Contract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running service on a real port, on a copy of the rules that the tests edit as an analyst would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveReloadTest {

    private static final Path RULES = copyOfTheRules();
    private static final Path EMC2 = RULES.resolve("agencies/EMC2.drl");
    private static final String EMC2_ORIGINAL = read(EMC2);
    private static final String EMC2_TOKEN_ONLY = EMC2_ORIGINAL
            .replace("Evidence.that(\"EMC2\").acceptsEca()", "Evidence.that(\"EMC2\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")");
    private static final long TIMEOUT_MS = 10_000;
    /** How long the restored rules must stay in service: longer than a debounce, a look and a reload. */
    private static final long SETTLED_MS = 3_000;
    private static final int CLIENTS = 32;
    private static final long LOAD_LIMIT_MS = 60_000;
    private static final long THINK_MS = 10;
    private static final int CHANGES = 20;
    private static final long CHANGE_EVERY_MS = 1_500;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("eca.rules.dir", RULES::toString);
        registry.add("eca.rules.debounce", () -> "200ms");
    }

    /** Puts the shipped rules back, file by file: the directories stay, as an analyst's would. */
    @AfterEach
    void restoreTheRules() throws Exception {
        try (var files = Files.walk(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!Files.exists(ShippedRules.DIR.resolve(RULES.relativize(file).toString()))) {
                    Files.delete(file);
                }
            }
        }
        ShippedRules.copyToChangeEmc2(RULES);
        String original = RuleSource.fromDirectory(RULES).version();
        // Settled, not just reached: a reload that a test's last edits started may still be on its way, and
        // would otherwise go live during the next test.
        long deadline = System.currentTimeMillis() + 4 * TIMEOUT_MS;
        long settledSince = 0;
        while (System.currentTimeMillis() < deadline) {
            JsonNode status = get("/api/ruleset");
            boolean restored = status.get("version").asString().equals(original) && !status.has("lastFailedLoad");
            settledSince = restored ? (settledSince == 0 ? System.currentTimeMillis() : settledSince) : 0;
            if (restored && System.currentTimeMillis() - settledSince >= SETTLED_MS) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shipped rules did not settle in service");
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        FileSystemUtils.deleteRecursively(RULES);
    }

    /**
     * The latency is printed, not asserted: a timed assertion in a unit test fails on a loaded machine (a cold JVM
     * here took 2.2 s once); RuleDeliveryIT holds the packaged jar to its bound, after warm-up.
     */
    @Test
    void anEditedAgencyAnswersDifferently() throws Exception {
        assertThat(types(recommend("EMC2"))).isEmpty();
        long saved = System.nanoTime();
        Files.writeString(EMC2, EMC2_TOKEN_ONLY);

        await(() -> recommend("EMC2"), answer -> types(answer).equals(List.of("MEDIUM_TOKEN_ASSURANCE")));
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved);

        System.out.println("reload latency, file saved to new answer served: " + latencyMs + " ms");
        // The impact is worked out just after the new ruleset goes live.
        await(() -> get("/api/ruleset"), status -> status.path("lastActivation").path("impact").path("changes")
                .toString().contains("EMC2"));
        statusKeepsTheContract();
        // The version gauge follows: one series, for the version in service.
        String version = get("/api/ruleset").get("version").asString();
        JsonNode gauge = get(managementPort, "/actuator/metrics/eca.ruleset");
        assertThat(gauge.path("availableTags").get(0).path("values").valueStream().map(JsonNode::asString).toList())
                .containsExactly(version);
    }

    @Test
    void aSyntaxErrorKeepsTheOldAnswerAndShowsTheErrorWithItsLine() throws Exception {
        String serving = get("/api/ruleset").get("version").asString();
        Files.writeString(EMC2, EMC2_ORIGINAL.replace("Selection(agency == \"EMC2\")", "Selection(agency == \"EMC2\""));

        JsonNode status = await(() -> get("/api/ruleset"), s -> s.has("lastFailedLoad"));

        assertThat(status.get("version").asString()).isEqualTo(serving);
        JsonNode error = status.get("lastFailedLoad").get("errors").get(0);
        assertThat(error.get("file").asString()).endsWith("agencies/EMC2.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("text").asString()).matches(".*EMC2\\.drl:\\d+:\\d+: .*");
        statusKeepsTheContract();
        assertThat(types(recommend("EMC2"))).isEmpty();
    }

    @Test
    void aFileWrittenInTwoHalvesIsNeverServedHalf() throws Exception {
        Path half = RULES.resolve("agencies/HALF.drl");
        String whole = EMC2_ORIGINAL.replace("EMC2", "HALF");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (writing.get()) {
                get("/api/agencies").forEach(agency -> {
                    if (agency.get("code").asString().equals("HALF")) {
                        seen.add(agency.get("title").asString() + " " + agency.get("unstatedTypes"));
                    }
                });
            }
        });
        watcher.start();
        Files.writeString(half, whole.substring(0, whole.length() / 2));
        Thread.sleep(800);
        Files.writeString(half, whole);
        await(() -> get("/api/agencies"), agencies -> agencies.toString().contains("\"code\":\"HALF\""));
        Thread.sleep(300); // the poller sees the whole file served, too
        writing.set(false);
        watcher.join();

        assertThat(seen).isNotEmpty().allSatisfy(entry -> assertThat(entry)
                .isEqualTo("eMC2 (LinQuest) [\"MEDIUM_ASSURANCE\",\"MEDIUM_TOKEN_ASSURANCE\",\"MEDIUM_HARDWARE_ASSURANCE\"]"));
        assertThat(get("/api/ruleset").has("lastFailedLoad")).isFalse();

        Files.delete(half);
        await(() -> get("/api/agencies"), agencies -> !agencies.toString().contains("\"code\":\"HALF\""));
    }

    @Test
    void aDeletedAgencyFileLeavesTheCatalog() throws Exception {
        int before = get("/api/agencies").size();
        // EMC2: no scenario of this copy selects it (one would have to go with it).
        Files.delete(RULES.resolve("agencies/EMC2.drl"));

        JsonNode agencies = await(() -> get("/api/agencies"),
                list -> !list.toString().contains("\"code\":\"EMC2\""));

        assertThat(agencies.size()).isEqualTo(before - 1);
    }

    @Test
    void aFailingScenarioKeepsTheCandidateOut() throws Exception {
        String serving = get("/api/ruleset").get("version").asString();
        Files.writeString(RULES.resolve("scenarios/wrong.yaml"), """
                - name: EMC2 is wrongly expected to take Medium only
                  agencies: [EMC2]
                  expect:
                    certificateTypes: [MEDIUM_ASSURANCE]
                """);

        JsonNode status = await(() -> get("/api/ruleset"), s -> s.has("lastFailedLoad"));

        assertThat(status.get("version").asString()).isEqualTo(serving);
        assertThat(status.get("lastFailedLoad").get("errors").get(0).get("text").asString())
                .contains("wrong.yaml:1:0", "EMC2 is wrongly expected");
    }

    @Test
    void fourClientsSeeNoFailureAndNoMixedAnswerAcross20Reloads() throws Exception {
        Versions versions = versions();
        String tokenOnly = versions.tokenOnly();
        String everyType = versions.everyType();
        Load load = new Load(4, 0, versions.expected());
        for (int reload = 0; reload < 20; reload++) {
            boolean toTokenOnly = reload % 2 == 0;
            Files.writeString(EMC2, toTokenOnly ? EMC2_TOKEN_ONLY : EMC2_ORIGINAL);
            String next = toTokenOnly ? tokenOnly : everyType;
            await(() -> get("/api/ruleset"), status -> status.get("version").asString().equals(next));
        }
        List<Long> latencies = load.stop();

        System.out.println("20 reloads under load: " + latencies.size() + " answers, " + load.failures.size()
                + " failed");
        assertThat(load.failures).isEmpty();
        assertThat(latencies).hasSizeGreaterThan(20);
    }

    /**
     * 32 clients post, each pausing {@link #THINK_MS} between requests as a back end's page views would, while the
     * rules change 20 times, every 1.5 s (edits that come faster than a reload are read together, as designed);
     * bounded by {@link #LOAD_LIMIT_MS}.
     */
    @Test
    void thirtyTwoClientsSeeNoFailureAndNoMixedAnswerWhileTheRulesChange20Times() throws Exception {
        Versions versions = versions();
        String tokenOnly = versions.tokenOnly();
        String everyType = versions.everyType();
        Load load = new Load(CLIENTS, THINK_MS, versions.expected());
        long began = System.currentTimeMillis();
        double activationsBefore = activations();
        for (int change = 0; change < CHANGES; change++) {
            Files.writeString(EMC2, change % 2 == 0 ? EMC2_TOKEN_ONLY : EMC2_ORIGINAL);
            Thread.sleep(CHANGE_EVERY_MS);
        }
        String last = (CHANGES - 1) % 2 == 0 ? tokenOnly : everyType;
        await(() -> get("/api/ruleset"), status -> status.get("version").asString().equals(last));
        int reloads = (int) (activations() - activationsBefore);
        List<Long> sorted = load.stop();
        long seconds = Math.max(1, (System.currentTimeMillis() - began) / 1000);

        long p99 = sorted.isEmpty() ? 0 : TimeUnit.NANOSECONDS.toMillis(sorted.get((int) (sorted.size() * 0.99)));
        System.out.printf("load and reload: %d clients (%d ms think time), %d changes, %d reloads went live in %d s,"
                + " %d requests, %d failed, p99 %d ms%n", CLIENTS, THINK_MS, CHANGES, reloads, seconds, sorted.size(),
                load.failures.size(), p99);
        assertThat(reloads).isPositive();
        assertThat(load.failures).isEmpty();
        assertThat(sorted).hasSizeGreaterThan(100);
    }

    @Test
    void noFileOfTheHostileCorpusGoesLiveOrRunsAndTheLastGoodRulesetKeepsAnswering() throws Exception {
        String serving = get("/api/ruleset").get("version").asString();
        Path markers = Files.createTempDirectory("eca-markers-");
        int refused = 0;
        for (String name : HostileRules.names()) {
            Path hostile = RULES.resolve("agencies").resolve(name);
            Files.writeString(hostile, HostileRules.withMarker(name, markers));

            JsonNode status = await(() -> get("/api/ruleset"), s -> s.path("lastFailedLoad").toString().contains(name));
            assertThat(status.get("version").asString()).as(name).isEqualTo(serving);
            assertThat(types(recommend("JPAS"))).as(name).containsExactly("MEDIUM_TOKEN_ASSURANCE");
            assertThat(HostileRules.marker(name, markers)).as(name).doesNotExist();
            refused++;
            Files.delete(hostile);
            await(() -> get("/api/ruleset"), s -> !s.has("lastFailedLoad"));
        }
        System.out.printf("hostile corpus on a running service: %d files, %d refused, 0 admitted, markers %s%n",
                HostileRules.names().size(), refused, Files.list(markers).count());
        assertThat(refused).isEqualTo(HostileRules.names().size());
        FileSystemUtils.deleteRecursively(markers);
    }

    @Test
    void aTracedAnswerListsTheRulesThatFiredWithTheirFiles() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/recommendations?trace=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agencies\": [\"CANES\", \"JPAS\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode trace = json.readTree(response.body()).get("trace");

        assertThat(trace.get(0).get("rule").asString()).isEqualTo("The ECA certificate types");
        assertThat(trace.findValuesAsString("rule")).contains("CANES: Medium and Medium Token are accepted",
                "JPAS: only Medium Token is accepted, and JPAS is retired",
                "A type that every application to reach is stated to accept is sure", "Buy the most suitable sure type");
        assertThat(trace.findValuesAsString("file")).contains(RULES + "/agencies/JPAS.drl");
        assertThat(json.readTree(recommend("JPAS").toString()).has("trace")).isFalse();
    }

    /** The two rulesets the load tests switch between, by version, and what each answers for EMC2 alone. */
    private record Versions(String tokenOnly, String everyType) {
        Map<String, List<String>> expected() {
            return Map.of(tokenOnly, List.of("MEDIUM_TOKEN_ASSURANCE"),
                    everyType, List.of());
        }
    }

    private static Versions versions() throws IOException {
        Files.writeString(EMC2, EMC2_TOKEN_ONLY);
        String tokenOnly = RuleSource.fromDirectory(RULES).version();
        Files.writeString(EMC2, EMC2_ORIGINAL);
        return new Versions(tokenOnly, RuleSource.fromDirectory(RULES).version());
    }

    /**
     * Clients that post EMC2 alone until stopped (or {@link #LOAD_LIMIT_MS} passes), pausing {@code thinkMs}
     * between requests, and check each answer against what the ruleset version it names must answer.
     */
    private final class Load {
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients;

        Load(int count, long thinkMs, Map<String, List<String>> expected) {
            long deadline = System.currentTimeMillis() + LOAD_LIMIT_MS;
            clients = Executors.newFixedThreadPool(count);
            for (int c = 0; c < count; c++) {
                clients.submit(() -> {
                    while (running.get() && System.currentTimeMillis() < deadline) {
                        try {
                            Thread.sleep(thinkMs);
                            long sent = System.nanoTime();
                            HttpResponse<String> response = post("{\"agencies\": [\"EMC2\"]}");
                            latencies.add(System.nanoTime() - sent);
                            JsonNode answer = json.readTree(response.body());
                            String version = answer.path("rulesetVersion").asString();
                            if (response.statusCode() != 200 || !expected.containsKey(version)
                                    || !types(answer).equals(expected.get(version))) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
            }
        }

        /** Stops the clients and returns the latency of every answer, in nanoseconds, sorted. */
        List<Long> stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            return latencies.stream().sorted().toList();
        }
    }

    /** How many reloads have gone live, from the service's own metric. */
    private double activations() {
        JsonNode metric = get(managementPort, "/actuator/metrics/eca.reloads");
        return metric.path("measurements").get(0).path("value").asDouble();
    }

    private JsonNode recommend(String agency) {
        try {
            return json.readTree(post("{\"agencies\": [\"" + agency + "\"]}").body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status, with a reload's impact or a refusal in it, is one the served OpenAPI document allows. */
    private void statusKeepsTheContract() throws IOException, InterruptedException {
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/ruleset")).build(), HttpResponse.BodyHandlers.ofString());
        String document = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Contract.of(document).check(new Contract.Exchange("GET", "/api/ruleset", Map.of(), null, null,
                status.statusCode(), "application/json", status.body().getBytes(StandardCharsets.UTF_8),
                status.headers().map()));
    }

    private JsonNode get(String path) {
        return get(port, path);
    }

    private JsonNode get(int port, String path) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(JsonNode answer) {
        return answer.get("certificateTypes").valueStream().map(JsonNode::asString).toList();
    }

    /** Polls until the condition holds, at most {@link #TIMEOUT_MS}; returns what satisfied it. */
    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        String seen = String.valueOf(last);
        throw new AssertionError("not within " + TIMEOUT_MS + " ms; last seen: "
                + seen.substring(0, Math.min(seen.length(), 600)));
    }

    private static Path copyOfTheRules() {
        try {
            Path dir = Files.createTempDirectory("eca-rules-");
            ShippedRules.copyToChangeEmc2(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
