package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecawizard.Revisions.revision;
import static org.ecawizard.Revisions.swap;
import static org.ecawizard.Revisions.version;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fleet on this machine: three replicas of the packaged jar on loopback ports behind HAProxy (Debian's), which
 * checks each one's readiness on its actuator port; all read one rules location, delivered as git-sync delivers
 * it (a link swapped at once). Through the load balancer, 32 clients for at least 60 s while the rules change
 * twice (with a broken revision between, which every replica refuses), one replica is killed with SIGKILL and
 * started again, and another gets SIGTERM and is started again. No request may fail, and every answer must be
 * the one its named ruleset gives. Prints the requests, the latency through the load balancer and the time until
 * every replica serves a new revision.
 */
class FleetIT {

    private static final int REPLICAS = 3;
    private static final int CLIENTS = 32;
    /** Each client's pause between answers: 32 clients then keep the machine busy without starving it. */
    private static final long THINK_MS = 20;
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final long WAIT_MS = 120_000;
    private static final Duration WITHIN = Duration.ofMillis(WAIT_MS);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** HAProxy's log of what was not a plain success (retries, redispatches, errors) is kept here. */
    private static final Path REPORTS = BuildDirectory.resolve("fleet");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What a ruleset answers a selection: the types offered and the types to buy. */
    record Answer(List<String> certificateTypes, List<String> purchase) {

        static Answer of(Recommendation recommendation) {
            return new Answer(recommendation.certificateTypes(),
                    recommendation.purchase().stream().map(bought -> bought.fact().type()).toList());
        }

        static Answer of(JsonNode answer) {
            List<String> types = answer.path("certificateTypes").valueStream().map(JsonNode::asString).toList();
            List<String> purchase = answer.path("purchase").valueStream().map(bought -> bought.path("type").asString())
                    .toList();
            return new Answer(types, purchase);
        }
    }

    @Test
    void threeReplicasLoseNoRequestThroughTwoRuleChangesAKillAndARestart(@TempDir Path work) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/sbin/haproxy"));
        String install = "the fleet test needs HAProxy: sudo apt-get install haproxy";
        RequiredTools.require(installed, install);

        Path first = revision(work.resolve("rev-1"), false);
        Path second = revision(work.resolve("rev-2"), true);
        Path third = revision(work.resolve("rev-3"), false);
        Files.writeString(third.resolve("wizard/products.drl"), "\n// a new revision that changes no answer\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path broken = revision(work.resolve("rev-broken"), true);
        Files.writeString(broken.resolve("agencies/EMC2.drl"), "\nrule \"half written\"\nwhen\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path current = work.resolve("current");
        swap(current, first);
        Map<String, Map<List<String>, Answer>> expected = new HashMap<>();
        List<List<String>> selections = expectedAnswers(List.of(first, second, third), expected);

        int[] ports = new int[REPLICAS];
        int[] managementPorts = new int[REPLICAS];
        RunningJar[] replicas = new RunningJar[REPLICAS];
        Process balancer = null;
        Load load = null;
        try {
            for (int i = 0; i < REPLICAS; i++) {
                ports[i] = RunningJar.freePort();
                managementPorts[i] = RunningJar.freePort();
                replicas[i] = startReplica(work, i, ports[i], managementPorts[i], current);
            }
            for (int i = 0; i < REPLICAS; i++) {
                awaitReady(replicas[i]);
            }
            int balancerPort = RunningJar.freePort();
            balancer = startBalancer(work, balancerPort, ports, managementPorts);
            String base = "http://127.0.0.1:" + balancerPort;
            awaitBalancer(base);

            load = new Load(base, selections);
            long began = System.nanoTime();
            Thread.sleep(5_000);

            long firstChange = converge(replicas, current, second);

            replicas[0].kill();
            replicas[0] = startReplica(work, 0, ports[0], managementPorts[0], current);
            awaitReady(replicas[0]);

            // A broken revision: every replica's gate refuses it and the ruleset in service keeps serving.
            swap(current, broken);
            for (RunningJar replica : replicas) {
                replica.awaitRuleset(status -> status.path("lastFailedLoad").path("version").asString()
                        .equals(version(broken)), WITHIN);
                assertThat(replica.get("/api/ruleset").path("version").asString()).isEqualTo(version(second));
            }

            long secondChange = converge(replicas, current, third);

            int exit = replicas[1].terminate();
            replicas[1] = startReplica(work, 1, ports[1], managementPorts[1], current);
            awaitReady(replicas[1]);

            long rest = LOAD.toNanos() - (System.nanoTime() - began);
            if (rest > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(rest));
            }
            Load.Result result = load.stop();
            double seconds = (System.nanoTime() - began) / 1e9;

            List<String> inconsistent = new ArrayList<>();
            result.answers().forEach(answer -> {
                Answer wanted = expected.getOrDefault(answer.version(), Map.of()).get(answer.selection());
                if (!answer.answer().equals(wanted)) {
                    inconsistent.add(answer.selection() + " on " + answer.version() + ": " + answer.answer()
                            + ", the ruleset gives " + wanted);
                }
            });
            Map<String, Long> byVersion = new TreeMap<>();
            result.answers().forEach(answer -> byVersion.merge(answer.version(), 1L, Long::sum));
            System.out.printf("fleet: %d requests in %.0f s through HAProxy (%d clients, %d ms apart, %d replicas), %d failed, %d sent"
                            + " again after the load balancer closed the connection unanswered,"
                            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; every replica served the first change %d ms"
                            + " and the second %d ms after the swap; SIGTERM exit code %d; answers per ruleset %s%n",
                    result.latencies().size(), seconds, CLIENTS, THINK_MS, REPLICAS, result.failures().size(),
                    result.resent(),
                    result.percentile(50), result.percentile(99), result.percentile(100), firstChange, secondChange,
                    exit, byVersion);

            for (RunningJar replica : replicas) {
                replica.output().lines().filter(line -> line.contains(" is in service, "))
                        .forEach(line -> System.out.println("fleet replica: " + line));
            }
            assertThat(result.failures()).as("failed requests").isEmpty();
            assertThat(inconsistent).as("answers that are not what their ruleset gives").isEmpty();
            assertThat(byVersion.keySet()).containsExactlyInAnyOrder(version(first), version(second), version(third));
            assertThat(seconds).isGreaterThanOrEqualTo(LOAD.toSeconds());
        } finally {
            if (load != null) {
                load.stop();
            }
            if (balancer != null) {
                balancer.destroy();
            }
            for (RunningJar replica : replicas) {
                if (replica != null) {
                    replica.close();
                }
            }
        }
    }

    /** Each agency alone, each with EMC2 (whose answer the revisions change), the seed example; their answers. */
    private static List<List<String>> expectedAnswers(List<Path> revisions, Map<String, Map<List<String>, Answer>> expected) {
        Recommender recommender = new Recommender();
        List<List<String>> selections = new ArrayList<>();
        for (Path revision : revisions) {
            Ruleset ruleset = new RulesetCompiler(1000, Clock.systemUTC()).compile(RuleSource.fromDirectory(revision));
            if (selections.isEmpty()) {
                for (Agency agency : ruleset.catalog().all()) {
                    selections.add(List.of(agency.code()));
                    selections.add(List.of(agency.code(), "EMC2"));
                }
                selections.add(List.of("CANES", "JPAS"));
            }
            Map<List<String>, Answer> answers = new HashMap<>();
            for (List<String> selection : selections) {
                answers.put(selection, Answer.of(recommender.recommend(ruleset, new Choice(selection, true), false)));
            }
            expected.put(ruleset.version(), answers);
            ruleset.dispose();
        }
        return selections;
    }

    private static RunningJar startReplica(Path work, int index, int port, int managementPort, Path rules)
            throws IOException {
        Path dir = Files.createDirectories(work.resolve("replica-" + index));
        return RunningJar.start(dir, port, managementPort, "--eca.rules.dir=" + rules);
    }

    private static Process startBalancer(Path work, int port, int[] ports, int[] managementPorts) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            servers.append("    server replica-").append(i).append(" 127.0.0.1:").append(ports[i])
                    .append(" check port ").append(managementPorts[i]).append('\n');
        }
        // Transport failures (a killed replica, a closing connection) are retried on another replica; an answer
        // the service gives, whatever its status, is passed on as it is. Each request gets a connection of its own
        // to a replica (http-server-close), so that none is sent on an idle connection a replica has just closed
        // (Tomcat closes them after 100 requests, and at shutdown). HAProxy 2.6 does not retry a connection a
        // replica resets before reading the request (a read error, haproxy/haproxy#2061): it closes the client's
        // connection without an answer instead, for the client to send again.
        Path config = Files.writeString(work.resolve("haproxy.cfg"), """
                global
                    maxconn 512
                    log stderr format iso local0
                defaults
                    mode http
                    log global
                    option httplog
                    option dontlog-normal
                    option http-server-close
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    timeout check 2s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response junk-response response-timeout
                frontend fleet
                    bind 127.0.0.1:%d
                    default_backend replicas
                backend replicas
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                %s""".formatted(port, servers));
        return new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(REPORTS).resolve("haproxy.log").toFile()).start();
    }

    private void awaitBalancer(String base) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (post(base, List.of("CANES", "JPAS")).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // HAProxy is not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("HAProxy did not answer within " + WAIT_MS + " ms");
    }

    private void awaitReady(RunningJar replica) throws Exception {
        String readiness = replica.management() + "/actuator/health/readiness";
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (http.send(HttpRequest.newBuilder(URI.create(readiness)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a replica was not ready within " + WAIT_MS + " ms:\n" + replica.output());
    }

    /**
     * Swaps the rules to {@code revision}; the milliseconds until every replica serves it. Prints the CPU each
     * replica's threads used meanwhile: what the gate got beside the answers and the JIT.
     */
    private static long converge(RunningJar[] replicas, Path link, Path revision) throws Exception {
        String wanted = version(revision);
        ThreadCpu[] before = new ThreadCpu[replicas.length];
        for (int i = 0; i < replicas.length; i++) {
            before[i] = replicas[i].threadCpu();
        }
        long swapped = System.nanoTime();
        swap(link, revision);
        for (RunningJar replica : replicas) {
            replica.awaitRuleset(status -> status.path("version").asString().equals(wanted), WITHIN);
        }
        long took = (System.nanoTime() - swapped) / 1_000_000;
        for (int i = 0; i < replicas.length; i++) {
            System.out.printf("fleet replica-%d, CPU from the swap to %s served everywhere (%d ms): %s%n", i,
                    wanted, took, replicas[i].threadCpu().since(before[i]));
        }
        return took;
    }

    private HttpResponse<String> post(String base, List<String> agencies) throws IOException, InterruptedException {
        return post(http, base, agencies);
    }

    private static HttpResponse<String> post(HttpClient client, String base, List<String> agencies)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/recommendations"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("agencies", agencies))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #CLIENTS} clients, each with its own connection, asking random selections until stopped. */
    private static final class Load {

        record Seen(List<String> selection, String version, Answer answer) {
        }

        record Result(List<Long> latencies, List<String> failures, List<Seen> answers, int resent) {

            double percentile(int percent) {
                if (latencies.isEmpty()) {
                    return 0;
                }
                int at = Math.min(latencies.size() - 1, (int) Math.ceil(percent / 100.0 * latencies.size()) - 1);
                return latencies.get(Math.max(0, at)) / 1e6;
            }
        }

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Seen> answers = new ConcurrentLinkedQueue<>();
        private final AtomicInteger resent = new AtomicInteger();
        private Result result;

        Load(String base, List<List<String>> selections) {
            for (int c = 0; c < CLIENTS; c++) {
                long seed = c;
                clients.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    Random random = new Random(seed);
                    while (running.get()) {
                        List<String> selection = selections.get(random.nextInt(selections.size()));
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response;
                            try {
                                response = post(client, base, selection);
                            } catch (IOException e) {
                                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                                    throw e;
                                }
                                // HAProxy closed a reused connection without a byte of answer: its signal that the
                                // request was not processed (a replica reset the connection before reading it). The
                                // request changes nothing, so the client asks again, as HTTP lets it.
                                resent.incrementAndGet();
                                response = post(client, base, selection);
                            }
                            latencies.add(System.nanoTime() - sent);
                            if (response.statusCode() != 200) {
                                failures.add(selection + ": " + response.statusCode() + " " + response.body());
                                continue;
                            }
                            JsonNode answer = JSON.readTree(response.body());
                            answers.add(new Seen(selection, answer.path("rulesetVersion").asString(), Answer.of(answer)));
                        } catch (IOException | RuntimeException e) {
                            failures.add(java.time.Instant.now() + " " + selection + ": " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        try {
                            Thread.sleep(THINK_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
        }

        synchronized Result stop() throws InterruptedException {
            if (result == null) {
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                result = new Result(latencies.stream().sorted().toList(), List.copyOf(failures), List.copyOf(answers),
                        resent.get());
            }
            return result;
        }
    }
}
