package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecawizard.Revisions.revision;
import static org.ecawizard.Revisions.swap;
import static org.ecawizard.Revisions.version;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Rules as a fleet receives them, on the packaged jar: a directory that is a symbolic link, swapped atomically
 * from one revision to the next (git-sync); a Kubernetes ConfigMap, whose files are links through {@code ..data};
 * a tree half synced; the directory deleted and created again; files that cannot be read. The service never
 * serves a partial or unchecked ruleset, takes a complete swap live, and otherwise keeps the last good one. How long a
 * swap takes once the service has been running a little (the median of three; the first swap after start-up, on a
 * cold JVM, apart) is printed as a measurement: the bound below only catches a reload that stalls, since a timed
 * assertion on a shared machine measures the machine as much as the service.
 */
class RuleDeliveryIT {

    /** A stalled reload, not a speed target: the target (2 s) is measured and reported, not asserted. */
    private static final long SWAP_LIMIT_MS = 8_000;
    private static final long WAIT_MS = 10_000;
    private static final String SEED = "{\"agencies\": [\"CANES\", \"JPAS\"]}";

    @TempDir
    Path work;

    private static JsonNode await(RunningJar jar, Predicate<JsonNode> ruleset) throws InterruptedException {
        return jar.awaitRuleset(ruleset, Duration.ofMillis(WAIT_MS));
    }

    /**
     * Swaps {@code link} to {@code target} and waits for it to serve; the milliseconds from the swap. It first lets
     * the impact of the previous change be worked out, as it would be between two deliveries minutes apart.
     */
    /** One slow reload on a shared machine (a collection, another process) says little; three say how it runs. */
    private static long median(long first, long second, long third) {
        return Math.max(Math.min(first, second), Math.min(Math.max(first, second), third));
    }

    private static long swapLatency(RunningJar jar, Path link, Path target) throws Exception {
        String serving = jar.get("/api/ruleset").get("version").asString();
        await(jar, status -> !status.has("lastActivation")
                || status.path("lastActivation").path("impact").path("to").asString().equals(serving));
        String expected = version(target);
        long swapped = System.nanoTime();
        swap(link, target);
        await(jar, status -> status.get("version").asString().equals(expected));
        return (System.nanoTime() - swapped) / 1_000_000;
    }

    private static void seedStillAnswers(RunningJar jar, String version) throws Exception {
        JsonNode answer = jar.recommend(SEED);
        assertThat(answer.get("certificateTypes").toString()).isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
        assertThat(answer.get("rulesetVersion").asString()).isEqualTo(version);
    }

    @Test
    void gitSyncALinkSwappedAtomicallyAndAHalfSyncedRevision() throws Exception {
        Path first = revision(work.resolve("rev-1"), false);
        Path second = revision(work.resolve("rev-2"), true);
        Path current = work.resolve("current");
        Files.createSymbolicLink(current, first.getFileName());

        try (RunningJar jar = RunningJar.start(work, "--eca.rules.dir=" + current, "--eca.rules.debounce=200ms")) {
            seedStillAnswers(jar, version(first));
            assertThat(jar.get("/api/ruleset").get("location").asString()).isEqualTo(current.toString());

            long cold = swapLatency(jar, current, second);
            assertThat(jar.recommend("{\"agencies\": [\"EMC2\"]}").get("certificateTypes").toString())
                    .isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
            long latency = median(swapLatency(jar, current, first), swapLatency(jar, current, second),
                    swapLatency(jar, current, first));
            System.out.println("git-sync swap to another revision live in " + latency + " ms, the median of three ("
                    + cold
                    + " ms for the first swap after start-up)");
            assertThat(latency).isLessThan(SWAP_LIMIT_MS);
            swapLatency(jar, current, second);

            // A revision that is still being written (the wizard files and half the agencies) is refused.
            Path whole = revision(work.resolve("rev-3-whole"), false);
            Path third = work.resolve("rev-3");
            Files.createDirectories(third);
            FileSystemUtils.copyRecursively(whole.resolve("wizard"), third.resolve("wizard"));
            FileSystemUtils.copyRecursively(whole.resolve("sources"), third.resolve("sources"));
            FileSystemUtils.copyRecursively(whole.resolve("scenarios"), third.resolve("scenarios"));
            FileSystemUtils.copyRecursively(whole.resolve("trust"), third.resolve("trust"));
            Files.createDirectories(third.resolve("agencies"));
            List<Path> agencies = Files.list(whole.resolve("agencies")).sorted().toList();
            for (Path agency : agencies.subList(0, agencies.size() / 2)) {
                Files.copy(agency, third.resolve("agencies").resolve(agency.getFileName()));
            }
            swap(current, third);
            JsonNode refused = await(jar, status -> status.has("lastFailedLoad"));
            assertThat(refused.get("version").asString()).isEqualTo(version(second));
            seedStillAnswers(jar, version(second));

            // Once the revision is whole, it goes live.
            for (Path agency : agencies.subList(agencies.size() / 2, agencies.size())) {
                Files.copy(agency, third.resolve("agencies").resolve(agency.getFileName()));
            }
            assertThat(version(third)).isEqualTo(version(whole)).isNotEqualTo(version(second));
            await(jar, status -> status.get("version").asString().equals(version(third)));
            seedStillAnswers(jar, version(third));
        }
    }

    @Test
    void aKubernetesConfigMapWhoseFilesAreLinksThroughDataSwappedAtOnce() throws Exception {
        Path volume = Files.createDirectories(work.resolve("configmap"));
        Path first = revision(volume.resolve("..2026_11_25_10_00_00.000000001"), false);
        Path second = revision(volume.resolve("..2026_11_25_10_05_00.000000002"), true);
        Files.createSymbolicLink(volume.resolve("..data"), first.getFileName());
        for (String folder : List.of("agencies", "sources", "wizard", "scenarios", "trust")) {
            Files.createSymbolicLink(volume.resolve(folder), Path.of("..data", folder));
        }

        try (RunningJar jar = RunningJar.start(work, "--eca.rules.dir=" + volume, "--eca.rules.debounce=200ms")) {
            seedStillAnswers(jar, version(first));
            assertThat(jar.get("/api/ruleset").get("files").toString()).doesNotContain("..");

            long cold = swapLatency(jar, volume.resolve("..data"), second);
            Path third = revision(volume.resolve("..2026_11_25_10_10_00.000000003"), false);
            long latency = median(swapLatency(jar, volume.resolve("..data"), third),
                    swapLatency(jar, volume.resolve("..data"), second), swapLatency(jar, volume.resolve("..data"), third));
            System.out.println("ConfigMap ..data swap live in " + latency + " ms, the median of three (" + cold
                    + " ms for the first swap after start-up)");
            assertThat(latency).isLessThan(SWAP_LIMIT_MS);
            swapLatency(jar, volume.resolve("..data"), second);
            FileSystemUtils.deleteRecursively(first);
            FileSystemUtils.deleteRecursively(third);
            assertThat(jar.recommend("{\"agencies\": [\"EMC2\"]}").get("certificateTypes").toString())
                    .isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
        }
    }

    @Test
    void aDirectoryDeletedAndCreatedAgainAndFilesThatCannotBeRead() throws Exception {
        Path rules = revision(work.resolve("rules"), false);
        String good = version(rules);

        try (RunningJar jar = RunningJar.start(work, "--eca.rules.dir=" + rules, "--eca.rules.debounce=200ms")) {
            seedStillAnswers(jar, good);

            FileSystemUtils.deleteRecursively(rules);
            JsonNode gone = await(jar, status -> status.has("lastFailedLoad"));
            assertThat(gone.path("lastFailedLoad").toString()).contains("Cannot read the rules in " + rules);
            seedStillAnswers(jar, good);

            revision(rules, true);
            await(jar, status -> status.get("version").asString().equals(version(rules)));
            String recreated = version(rules);

            Files.write(rules.resolve("agencies/EMC2.drl"), new byte[] {'r', 'u', 'l', 'e', ' ', (byte) 0xC3, 0x28});
            JsonNode garbled = await(jar, status -> status.path("lastFailedLoad").toString().contains("not UTF-8"));
            assertThat(garbled.get("version").asString()).isEqualTo(recreated);

            revision(rules, true);
            await(jar, status -> !status.has("lastFailedLoad"));
            Files.createSymbolicLink(rules.resolve("agencies/GONE.drl"), rules.resolve("agencies/nowhere.drl"));
            JsonNode broken = await(jar, status -> status.path("lastFailedLoad").toString().contains("a link to nothing"));
            assertThat(broken.get("version").asString()).isEqualTo(recreated);
            seedStillAnswers(jar, recreated);
        }
    }
}
