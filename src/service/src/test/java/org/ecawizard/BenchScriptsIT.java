package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark scripts run end to end, briefly, on the packaged jar: a smoke test, so that the commands
 * BENCHMARKS.md gives keep working. Their figures come from full runs, never from here.
 */
class BenchScriptsIT {

    private static final Path OUT = BuildDirectory.resolve("bench");

    @Test
    void theStartUpBenchmarkTimesBothServicesAndPrintsTheirRatio() throws Exception {
        RequiredTools.require(RequiredTools.onPath("curl"),
                "the start-up benchmark needs curl (sudo apt-get install curl)");
        // One start of each, without the Java 25 AOT row (its training run alone takes a start).
        String out = run("startup", List.of("bash", "bench/startup.sh"), Map.of("RUNS", "1", "JAVA25", ""));

        assertThat(out).containsPattern("run 1: eca fat jar \\d+\\.\\d+ s, bare fat jar \\d+\\.\\d+ s, eca extracted \\d+\\.\\d+ s,"
                        + " eca CDS \\d+\\.\\d+ s")
                .containsPattern("median start to first answer: eca fat jar [\\d.]+ s, bare fat jar [\\d.]+ s, ratio \\d+\\.\\d\\d;"
                        + " eca extracted [\\d.]+ s; eca CDS \\(Java 17\\) [\\d.]+ s");
    }

    @Test
    void theImageBenchmarkStartsBothImagesWithAndWithoutTheirArchive() throws Exception {
        RequiredTools.require(RequiredTools.onPath("curl"), "the image benchmark needs curl (sudo apt-get install curl)");
        ImageIT.requirePodmanAndBase("the image benchmark");

        String out = run("image-start", List.of("bash", "bench/image-start.sh"), Map.of("RUNS", "1"));

        assertThat(out).containsPattern("run 1: eca image \\d+\\.\\d+ s, bare image \\d+\\.\\d+ s, eca image without the"
                        + " archive \\d+\\.\\d+ s, bare image without the archive \\d+\\.\\d+ s")
                .containsPattern("median start to first answer: eca image [\\d.]+ s, bare image [\\d.]+ s, ratio \\d+\\.\\d\\d;");
    }

    @Test
    void theHttpBenchmarkLoadsEachEndpointWithoutAnError() throws Exception {
        RequiredTools.require(RequiredTools.onPath("wrk", "curl", "python3"),
                "the HTTP benchmark needs wrk, curl and python3 (sudo apt-get install wrk curl python3)");

        String out = run("http", List.of("bash", "bench/http.sh"),
                Map.of("DURATION", "2s", "WARM_UP", "1s", "CONNECTIONS", "4", "THREADS", "1"));

        assertThat(out).containsPattern("trivial-liveness +[\\d.]+ req/s")
                .containsPattern("recommendations-cached +[\\d.]+ req/s")
                .containsPattern("recommendations-uncached +[\\d.]+ req/s")
                .containsPattern("ratio cached/trivial \\d+\\.\\d\\d, uncached/trivial \\d+\\.\\d\\d")
                .doesNotContain("Non-2xx").doesNotContain("Socket errors");
    }

    @Test
    void theReloadBenchmarkSwapsTheRulesUnderLoadAndSplitsEachReloadsCpu() throws Exception {
        boolean tools = RequiredTools.onPath("wrk", "curl", "python3") && Files.isDirectory(Path.of("/proc/self/task"));
        RequiredTools.require(tools, "the reload benchmark needs Linux, wrk, curl and python3 (sudo apt-get install wrk curl python3)");

        String out = run("reload", List.of("bash", "bench/reload.sh"), Map.of("RELOADS", "3", "LOAD", "1",
                "CONNECTIONS", "4"));

        // Each reload used CPU, some of it on the gate's threads (named as the groups expect them).
        assertThat(out).containsPattern("1 +agency-file +\\d+ ms +[1-9]\\d* ms +[1-9]\\d* ms +-?\\d+ ms")
                .containsPattern("2 +agency-file +\\d+ ms +[1-9]\\d* ms +[1-9]\\d* ms")
                .containsPattern("3 +wizard-file +\\d+ ms +[1-9]\\d* ms +[1-9]\\d* ms")
                .containsPattern("median of 3 reloads: \\d+ ms from the swap to in service; CPU per reload: all \\d+ ms,"
                        + " gate \\d+ ms, JIT -?\\d+ ms, requests -?\\d+ ms")
                .containsPattern("load: [\\d.]+ answers/s").doesNotContain("Non-2xx").doesNotContain("Socket errors");
    }

    @Test
    void thePeerBenchmarkChecksZenAgainstTheServiceAndTimesEachSelection() throws Exception {
        RequiredTools.require(RequiredTools.onPath("node", "npm", "curl"),
                "the peer benchmark needs Node.js, npm and curl (sudo apt-get install nodejs npm curl)");
        // ZEN alone: the in-process and HTTP figures it prints beside ZEN's have smoke tests of their own.
        String out = run("peer", List.of("bash", "bench/peer.sh"),
                Map.of("IN_PROCESS", "0", "HTTP", "0", "WARM_UP_S", "1", "MEASURE_S", "1"));

        assertThat(out).contains("bench/zen/eca-decision.json is the export of the catalog in service")
                .containsPattern("check: ZEN and the service agree on (\\d+) of \\1 selections")
                .containsPattern("zen selection=2: \\d+ evaluations/s one at a time, \\d+ with 16 in flight")
                .containsPattern("zen selection=10: \\d+ evaluations/s");
    }

    /** Runs a script from the project's directory on a free port of 127.0.0.1; its output, after it succeeded. */
    private static String run(String name, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path log = OUT.resolve(name + "-smoke.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("BENCH_OUT", OUT.toString());
        builder.environment().put("PORT", String.valueOf(RunningJar.freePort()));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(RunningJar.freePort()));
        Process process = builder.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String out = Files.readString(log);
        System.out.println(name + " benchmark (smoke):\n" + out);
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", command) + " failed:\n" + out).isTrue();
        return out;
    }
}
