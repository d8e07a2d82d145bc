package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecawizard.ruleset.RuleSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the packaged jar as a user would: {@code java -jar}, from a directory without rules/. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "eca-wizard.jar").toAbsolutePath();
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString(), "--server.port=0"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        });
    }

    private int port() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : output) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    return Integer.parseInt(started.group(1));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not start:\n" + String.join("\n", output));
    }

    @Test
    void theJarAnswersTheSeedExampleFromItsBundledRules() throws Exception {
        assertThat(JAR).exists();
        assertThat(workDir.resolve("rules")).doesNotExist();
        start();
        String base = "http://127.0.0.1:" + port();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/recommendations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agencies\": [\"CANES\", \"JPAS\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("certificateTypes").toString()).isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
        assertThat(body.get("rulesetVersion").asString())
                .isEqualTo(RuleSource.fromDirectory(Path.of("rules")).version());

        HttpResponse<String> ruleset = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ruleset")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(ruleset.body()).get("location").asString()).isEqualTo("classpath:bundled-rules");
    }

    @Test
    void theJarCarriesItsSoftwareBillOfMaterials() throws IOException {
        try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
            var sbom = jar.getEntry("META-INF/sbom/application.cdx.json");
            assertThat(sbom).isNotNull();
            String bom = new String(jar.getInputStream(sbom).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bom).contains("\"bomFormat\" : \"CycloneDX\"", "drools-engine", "spring-boot");
        }
    }

    @Test
    void theJarRefusesToStartOnBrokenRulesAndSaysWhere() throws Exception {
        Path rules = workDir.resolve("my-rules");
        Files.createDirectories(rules.resolve("agencies"));
        Files.writeString(rules.resolve("agencies/BROKEN.drl"), """
                package agencies;

                rule "BROKEN accepts"
                when
                    Selection(agency == "BROKEN"
                then
                end
                """);
        start("--eca.rules.dir=" + rules);

        assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(String.join("\n", output))
                .contains("APPLICATION FAILED TO START")
                .contains(rules + "/agencies/BROKEN.drl:6:0:");
    }
}
