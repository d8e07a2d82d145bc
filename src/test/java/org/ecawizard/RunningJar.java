package org.ecawizard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar run as a user runs it, {@code java -jar}, on a free port of 127.0.0.1. */
final class RunningJar implements AutoCloseable {

    static final Path JAR = Path.of("target", "eca-wizard.jar").toAbsolutePath();
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private int port;

    private RunningJar(Process process) {
        this.process = process;
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output ended: " + e.getMessage() + ")");
            }
        });
    }

    /** Starts the jar in {@code workDir} with these arguments; it may still fail to start. */
    static RunningJar start(Path workDir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "--server.port=0",
                "--server.address=127.0.0.1"));
        command.addAll(List.of(args));
        return new RunningJar(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start());
    }

    /** Waits until it serves; the base URL. */
    String base() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (port == 0 && System.nanoTime() < deadline && process.isAlive()) {
            for (String line : output) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    port = Integer.parseInt(started.group(1));
                }
            }
            Thread.sleep(200);
        }
        if (port == 0) {
            throw new AssertionError("the jar did not start:\n" + output());
        }
        return "http://127.0.0.1:" + port;
    }

    JsonNode get(String path) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
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
