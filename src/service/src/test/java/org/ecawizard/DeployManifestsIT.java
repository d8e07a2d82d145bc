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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests under {@code deploy/}: {@code kubectl kustomize} builds the base and each overlay,
 * and what they promise is what the packaged jar does: its ports by default, the probe and scrape paths served
 * on the port they name, a shutdown that fits the grace period, the rules where each overlay mounts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployManifestsIT {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** Spring Boot's default for spring.lifecycle.timeout-per-shutdown-phase, which the service keeps. */
    private static final int SHUTDOWN_PHASE_SECONDS = 30;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningJar jar;

    /** Spring Boot's port when none is configured; the service's configuration sets none for the public port. */
    private static final int SPRING_BOOT_DEFAULT_PORT = 8080;
    private static final Path CONFIGURATION = Path.of("src/service/src/main/resources/application.properties");

    /** The jar on free ports of loopback; {@link #served} maps a port the manifests name to the jar's. */
    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        RequiredTools.require(RequiredTools.onPath("kubectl"),
                "the manifest test needs kubectl (its kustomize builds the manifests)");
        jar = RunningJar.start(work);
        jar.base();
    }

    /**
     * The manifests' container ports are the ports the service opens by default (its configuration's, else
     * Spring Boot's); the probes are then asked on the jar's own port of the same name.
     */
    private String served(JsonNode container, String name) throws Exception {
        Properties configuration = new Properties();
        try (var in = Files.newInputStream(CONFIGURATION)) {
            configuration.load(in);
        }
        assertThat(configuration).doesNotContainKey("server.port");
        int expected = name.equals("management")
                ? Integer.parseInt(configuration.getProperty("management.server.port"))
                : SPRING_BOOT_DEFAULT_PORT;
        assertThat(port(container, name)).as("the manifests' " + name + " port").isEqualTo(expected);
        return name.equals("management") ? jar.management() : jar.base();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (jar != null) {
            jar.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/configmap", "overlays/git-sync"})
    void eachBuildIsAFleetWhoseProbesPortsAndPathsAreWhatTheServiceServes(String kustomization) throws Exception {
        List<JsonNode> objects = build(kustomization);
        JsonNode deployment = only(objects, "Deployment");
        JsonNode pod = deployment.at("/spec/template");
        JsonNode container = container(objects, "eca-wizard");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("port").asString()).as(probe).isEqualTo("management");
            assertThat(status(served(container, "management") + get.path("path").asString())).as(probe).isEqualTo(200);
        }
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(status(served(container, "management") + "/actuator/health/readiness")).isEqualTo(200);
        // The public port serves the page and the API, and no actuator endpoint.
        assertThat(status(served(container, "http") + "/api/agencies")).isEqualTo(200);
        assertThat(status(served(container, "http") + "/")).isEqualTo(200);
        assertThat(status(served(container, "http") + "/actuator/health")).isEqualTo(404);

        JsonNode annotations = pod.at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
        assertThat(Integer.parseInt(annotations.path("prometheus.io/port").asString()))
                .isEqualTo(port(container, "management"));
        assertThat(body(served(container, "management") + annotations.path("prometheus.io/path").asString()))
                .contains("eca_recommendations_seconds");

        int preStop = container.at("/lifecycle/preStop/sleep/seconds").asInt();
        assertThat(pod.at("/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(preStop + SHUTDOWN_PHASE_SECONDS);
        assertThat(container.at("/resources/requests/memory").asString()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asString()).isNotBlank();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(mountPaths(container)).contains("/tmp");
        assertThat(Files.readString(Path.of("deploy", "Containerfile")))
                .contains("USER " + pod.at("/spec/securityContext/runAsUser").asInt());

        JsonNode service = only(objects, "Service");
        assertThat(service.at("/spec/ports").size()).isEqualTo(1);
        assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo("http");
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(only(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels"))
                .isEqualTo(deployment.at("/spec/selector/matchLabels"));
        JsonNode autoscaler = only(objects, "HorizontalPodAutoscaler");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asString()).isEqualTo(deployment.at("/metadata/name").asString());
        assertThat(autoscaler.at("/spec/metrics/0/resource/name").asString()).isEqualTo("cpu");
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isEqualTo(3);
    }

    @Test
    void theConfigMapOverlayMountsEveryFolderOfTheRulesAndTheirConfigMapsHoldEveryFile(@TempDir Path work)
            throws Exception {
        JsonNode container = container(build("overlays/configmap"), "eca-wizard");
        String rulesDir = env(container, "ECA_RULES_DIR");
        List<String> folders;
        try (Stream<Path> paths = Files.list(Path.of("rules"))) {
            folders = paths.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(mountPaths(container).stream().filter(path -> path.startsWith(rulesDir + "/")).sorted().toList())
                .isEqualTo(folders.stream().map(folder -> rulesDir + "/" + folder).toList());

        // What the README's command makes of each folder, laid out as the kubelet mounts it: the same ruleset.
        Path volume = Files.createDirectories(work.resolve("rules"));
        for (String folder : folders) {
            JsonNode configMap = YAML.readTree(output(List.of("kubectl", "create", "configmap", "eca-rules-" + folder,
                    "--from-file=rules/" + folder, "--dry-run=client", "-o", "yaml")));
            Path mount = Files.createDirectories(volume.resolve(folder));
            Path revision = Files.createDirectories(mount.resolve("..2026_11_25_10_00_00.000000001"));
            Files.createSymbolicLink(mount.resolve("..data"), revision.getFileName());
            for (Map.Entry<String, JsonNode> file : configMap.path("data").properties()) {
                Files.writeString(revision.resolve(file.getKey()), file.getValue().asString());
                Files.createSymbolicLink(mount.resolve(file.getKey()), Path.of("..data", file.getKey()));
            }
        }
        assertThat(RuleSource.fromDirectory(volume).version()).isEqualTo(RuleSource.fromDirectory(Path.of("rules")).version());
    }

    @Test
    void theGitSyncOverlayChecksOutBeforeTheServiceStartsAndTheServiceReadsTheSwappedLink() throws Exception {
        List<JsonNode> objects = build("overlays/git-sync");
        JsonNode pod = only(objects, "Deployment").at("/spec/template/spec");
        JsonNode service = container(objects, "eca-wizard");
        JsonNode first = pod.at("/initContainers/0");
        JsonNode sidecar = container(objects, "git-sync");

        assertThat(first.path("args").toString()).contains("--one-time");
        for (JsonNode gitSync : List.of(first, sidecar)) {
            String root = argument(gitSync, "--root");
            String link = argument(gitSync, "--link");
            assertThat(env(service, "ECA_RULES_DIR")).isEqualTo(root + "/" + link + "/rules");
            assertThat(gitSync.at("/envFrom/0/configMapRef/name").asString()).startsWith("eca-rules-repository");
        }
        assertThat(sidecar.path("args").toString()).doesNotContain("--one-time");
    }

    private static List<JsonNode> build(String kustomization) throws Exception {
        String yaml = output(List.of("kubectl", "kustomize", Path.of("deploy", kustomization).toString()));
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            documents.forEachRemaining(document -> objects.add((JsonNode) document));
        }
        return objects;
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(object -> object.path("kind").asString().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode container(List<JsonNode> objects, String name) {
        for (JsonNode container : only(objects, "Deployment").at("/spec/template/spec/containers")) {
            if (container.path("name").asString().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("no container " + name);
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asString().equals(name)) {
                return variable.path("value").asString();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static String argument(JsonNode container, String flag) {
        for (JsonNode argument : container.path("args")) {
            if (argument.asString().startsWith(flag + "=")) {
                return argument.asString().substring(flag.length() + 1);
            }
        }
        throw new AssertionError("no " + flag);
    }

    private static List<String> mountPaths(JsonNode container) {
        List<String> paths = new ArrayList<>();
        container.path("volumeMounts").forEach(mount -> paths.add(mount.path("mountPath").asString()));
        return paths;
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String body(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0)
                .as(String.join(" ", command) + " failed").isTrue();
        return out;
    }
}
