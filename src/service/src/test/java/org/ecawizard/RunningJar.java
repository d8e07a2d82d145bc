package org.ecawizard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar run as a user runs it, {@code java -jar}, on a free port of 127.0.0.1. */
final class RunningJar implements AutoCloseable {

    static final Path JAR = BuildDirectory.resolve("eca-wizard.jar");
    /**
     * How long a start may take before the test gives up: a ceiling, not a measurement. A healthy start takes seconds;
     * the fleet test restarts a replica while its peers serve 32 clients on the same two cores, where compiling and
     * gating the rules has taken over three minutes on a busy shared machine.
     */
    static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [\\d.]+ seconds");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private boolean started;

    private RunningJar(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        });
    }

    /** Starts the jar in {@code workDir} on free ports with these arguments; it may still fail to start. */
    static RunningJar start(Path workDir, String... args) throws IOException {
        return start(workDir, freePort(), freePort(), args);
    }

    /** Starts the jar in {@code workDir} on these ports of 127.0.0.1: the public one and the actuator's. */
    static RunningJar start(Path workDir, int port, int managementPort, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "--server.port=" + port,
                "--management.server.port=" + managementPort, "--server.address=127.0.0.1"));
        command.addAll(List.of(args));
        return new RunningJar(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start(),
                port, managementPort);
    }

    /** The java of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until it serves (both ports are open once Spring Boot says it started); the public base URL. */
    String base() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!started && System.nanoTime() < deadline && process.isAlive()) {
            started = output.stream().anyMatch(line -> STARTED.matcher(line).find());
            if (!started) {
                Thread.sleep(100);
            }
        }
        if (!started) {
            throw new AssertionError("the jar did not start:\n" + output());
        }
        return "http://127.0.0.1:" + port;
    }

    /** The actuator's base URL, on its own port, once it serves. */
    String management() throws InterruptedException {
        base();
        return "http://127.0.0.1:" + managementPort;
    }

    JsonNode get(String path) {
        try {
            return getJson(base() + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON document from the actuator's port. */
    JsonNode getManagement(String path) throws InterruptedException {
        return getJson(management() + path);
    }

    private JsonNode getJson(String url) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode recommend(String body) throws IOException, InterruptedException {
        return json.readTree(post("/api/recommendations", body).body());
    }

    /** Waits for it to end on its own; its exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the jar did not stop:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        return String.join("\n", output);
    }

    /** Polls {@code /api/ruleset} until the status satisfies {@code condition}, at most {@code within}; that status. */
    JsonNode awaitRuleset(Predicate<JsonNode> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/ruleset");
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + within.toMillis() + " ms; last seen: " + last);
    }

    /** The CPU its threads have used so far, by what they do. */
    ThreadCpu threadCpu() {
        return ThreadCpu.of(process.pid());
    }

    /** SIGKILL: the process ends at once, requests in flight and all. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops it; waits for it to end. Its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return exitCode();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
