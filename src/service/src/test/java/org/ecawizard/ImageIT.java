package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image recipe, {@code deploy/Containerfile}: its layers, assembled and started exactly as its
 * entry point starts them, serve; and, where podman runs (as in CI), the image itself builds on a JRE base made
 * from Debian's packages and runs read-only, as a user that is not root, with the heap sized from the
 * container's memory and the rules from a mount, mapping the class-data archive its training run made.
 */
class ImageIT {

    private static final Path CONTAINERFILE = Path.of("deploy", "Containerfile");
    private static final String BASE = "localhost/eca-jre-base:17";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What this machine's podman needs: crun refuses its cgroups, and the default limits are above its own. */
    private static final List<String> PODMAN_RUNTIME = List.of("--runtime", "runc");
    private static final List<String> LIMITS = List.of("--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096");

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * What the recipe says, read off the file: the first stage's extraction, the layers in order, the second stage's
     * training run, the work directory, the entry point.
     */
    record Recipe(String extract, List<String> layers, List<String> training, String workDir, Map<String, String> env,
                  List<String> entryPoint) {

        static Recipe read() throws IOException {
            String extract = null;
            String workDir = null;
            List<String> layers = new ArrayList<>();
            List<String> training = new ArrayList<>();
            Map<String, String> env = new LinkedHashMap<>();
            List<String> entryPoint = List.of();
            int stage = 0;
            // A statement continues over the lines that end in a backslash.
            String text = Files.readString(CONTAINERFILE).replaceAll("\\\\\n\\s*", " ");
            for (String line : text.lines().toList()) {
                if (line.startsWith("FROM ")) {
                    stage++;
                } else if (line.startsWith("RUN ")) {
                    if (stage == 1) {
                        extract = line.substring(4);
                    } else {
                        training.add(line.substring(4));
                    }
                } else if (line.startsWith("WORKDIR ")) {
                    workDir = line.substring(8);
                } else if (line.startsWith("COPY --from=layers ")) {
                    layers.add(line.split(" ")[2].replace("/build/extracted/", "").replace("/", ""));
                } else if (line.startsWith("ENV ")) {
                    String[] pair = line.substring(4).split("=", 2);
                    env.put(pair[0], pair[1]);
                } else if (line.startsWith("ENTRYPOINT ")) {
                    entryPoint = JSON.readValue(line.substring(11), JSON.getTypeFactory()
                            .constructCollectionType(List.class, String.class));
                }
            }
            return new Recipe(extract, layers, training, workDir, env, entryPoint);
        }
    }

    @Test
    void theLayersStartAsTheEntryPointStartsThem(@TempDir Path work) throws Exception {
        Recipe recipe = Recipe.read();
        assertThat(recipe.layers()).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
                "application");
        assertThat(recipe.entryPoint()).startsWith("java").contains("-XX:MaxRAMPercentage=75");
        // The first stage: the jar, extracted as its RUN line says.
        Path build = Files.createDirectories(work.resolve("build"));
        Files.copy(RunningJar.JAR, build.resolve("eca-wizard.jar"));
        List<String> extract = new ArrayList<>(List.of(recipe.extract().split(" ")));
        extract.set(0, RunningJar.java());
        assertThat(new ProcessBuilder(extract).directory(build.toFile()).inheritIO().start().waitFor()).isZero();
        // The second: each layer copied over the last, in the recipe's order.
        Path app = Files.createDirectories(work.resolve("app"));
        for (String layer : recipe.layers()) {
            ShippedRules.copyTree(build.resolve("extracted").resolve(layer), app);
        }
        // Then the training run, with this JVM as the image's java; the start below insists on its class-data
        // archive (-Xshare:on), so a recipe whose archive does not map fails here.
        assertThat(recipe.training()).singleElement().asString().contains("-Xshare:dump");
        for (String step : recipe.training()) {
            // Its scratch directory is the test's, not this machine's /tmp.
            ProcessBuilder training = new ProcessBuilder("sh", "-c", step.replace("/tmp/training",
                    work.resolve("training").toString())).directory(app.toFile()).inheritIO();
            training.environment().put("PATH", Path.of(RunningJar.java()).getParent() + ":"
                    + System.getenv("PATH"));
            assertThat(training.start().waitFor()).as(step).isZero();
        }
        Path rules = copyOfTheRules(work.resolve("mounted-rules"));
        List<String> command = new ArrayList<>(recipe.entryPoint());
        command.set(0, RunningJar.java());
        command.add(1, "-Xshare:on");
        int port = RunningJar.freePort();
        int managementPort = RunningJar.freePort();
        command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--management.server.port=" + managementPort));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile());
        builder.environment().putAll(recipe.env());
        builder.environment().put("ECA_RULES_DIR", rules.toString()); // where the mount would be
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp("http://127.0.0.1:" + managementPort + "/actuator/health/readiness", process, work.resolve("app.log"));
            assertThat(get(base + "/api/ruleset").path("location").asString()).isEqualTo(rules.toString());
            assertThat(seedExample(base).path("certificateTypes").toString()).isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        // The same entry point takes the analysts' check, on the rules where the mount would be.
        List<String> check = new ArrayList<>(recipe.entryPoint());
        check.set(0, RunningJar.java());
        check.add("check");
        ProcessBuilder checking = new ProcessBuilder(check).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("check.log").toFile());
        checking.environment().putAll(recipe.env());
        checking.environment().put("ECA_RULES_DIR", rules.toString());
        assertThat(checking.start().waitFor()).as(Files.readString(work.resolve("check.log"))).isZero();
        assertThat(Files.readString(work.resolve("check.log"))).contains("check: OK: ruleset ", " in " + rules);
    }

    @Test
    void theImageRunsReadOnlyAsAUserThatIsNotRootWithTheRulesFromAMount(@TempDir Path work) throws Exception {
        requirePodmanAndBase("the image test");
        String image = "localhost/eca-wizard:it";
        List<String> build = new ArrayList<>(List.of("podman", "build", "-q"));
        build.addAll(PODMAN_RUNTIME);
        build.addAll(LIMITS);
        build.addAll(List.of("--build-arg", "BASE=" + BASE, "-f", CONTAINERFILE.toString(), "-t", image, "."));
        assertThat(run(build)).as("podman build").isZero();

        Path rules = copyOfTheRules(work.resolve("rules"));
        int port = RunningJar.freePort();
        int managementPort = RunningJar.freePort();
        String name = "eca-wizard-it-" + ProcessHandle.current().pid();
        List<String> start = new ArrayList<>(List.of("podman", "run", "-d", "--name", name));
        start.addAll(PODMAN_RUNTIME);
        start.addAll(LIMITS);
        start.addAll(List.of("--read-only", "--tmpfs", "/tmp", "--network", "host", "--memory", "768m",
                "-v", rules + ":/rules:ro", image, "--server.address=127.0.0.1", "--server.port=" + port,
                "--management.server.port=" + managementPort));
        assertThat(run(start)).as("podman run").isZero();
        try {
            String base = "http://127.0.0.1:" + port;
            String management = "http://127.0.0.1:" + managementPort;
            awaitUp(management + "/actuator/health/readiness", null, null);
            assertThat(get(base + "/api/ruleset").path("location").asString()).isEqualTo("/rules");
            assertThat(seedExample(base).path("certificateTypes").toString()).isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
            // The heap follows the container's memory: 75 % of 768 MiB, give or take the JVM's own reckoning.
            double heapMax = get(management + "/actuator/metrics/jvm.memory.max?tag=area:heap")
                    .path("measurements").get(0).path("value").asDouble();
            assertThat(heapMax / (768.0 * 1024 * 1024)).isBetween(0.65, 0.80);
            assertThat(output(List.of("podman", "exec", name, "sh", "-c", "id -u"))).isEqualTo("10001");
            assertThat(output(List.of("podman", "exec", name, "sh", "-c", "touch /app/x 2>&1 || true")))
                    .contains("Read-only file system");
        } finally {
            run(List.of("podman", "rm", "-f", name));
        }
        // An analyst with only podman checks their rules with the same image.
        List<String> check = new ArrayList<>(List.of("podman", "run", "--rm"));
        check.addAll(PODMAN_RUNTIME);
        check.addAll(LIMITS);
        // -Xshare:on: the image's class-data archive maps, as the user the image runs as, on a read-only file system.
        check.addAll(List.of("--read-only", "--network", "none", "-e", "JAVA_TOOL_OPTIONS=-Xshare:on",
                "-v", rules + ":/rules:ro", image, "check"));
        assertThat(output(check)).contains("check: OK: ruleset ", " in /rules");
    }

    private void awaitUp(String readiness, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + RunningJar.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && (process == null || process.isAlive())) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within " + RunningJar.START_TIMEOUT
                + (log == null ? "" : ":\n" + Files.readString(log)));
    }

    private JsonNode seedExample(String base) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/recommendations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agencies\": [\"CANES\", \"JPAS\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Skips {@code test} (fails it in CI) unless podman, runc and the base image the recipe builds on are here. */
    static void requirePodmanAndBase(String test) throws IOException, InterruptedException {
        boolean podman = RequiredTools.onPath("podman", "runc") && run(List.of("podman", "image", "exists", BASE)) == 0;
        RequiredTools.require(podman, test + " needs podman, runc and the base image: sudo apt-get install podman runc"
                + " debootstrap && sudo bash deploy/debian-base.sh");
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor(1, TimeUnit.MINUTES);
        return out;
    }

    private static Path copyOfTheRules(Path target) throws IOException {
        ShippedRules.copyTo(target);
        return target;
    }
}
