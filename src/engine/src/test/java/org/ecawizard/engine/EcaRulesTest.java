package org.ecawizard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ecawizard.Revisions;
import org.ecawizard.engine.internal.certificates.TestCertificates;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's one door, as a back end uses it: no Spring, the same gate, answers that name their ruleset. */
class EcaRulesTest {

    private static final String EMC2_ACCEPTS_ANY = "Evidence.that(\"EMC2\").acceptsEca()";
    private static final String EMC2_TOKEN_ONLY = "Evidence.that(\"EMC2\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")";

    @Test
    void theBundledRulesAnswerTheSeedExampleAndNameTheirVersion() {
        try (EcaRules rules = EcaRules.bundled()) {
            Recommendation answer = rules.recommend(List.of("CANES", "JPAS"));

            assertThat(answer.certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
            assertThat(answer.rulesetVersion()).isEqualTo(rules.version())
                    .isEqualTo(RuleSource.fromDirectory(ShippedRules.DIR).version());
            assertThat(rules.agencies()).extracting(agency -> agency.code()).contains("CANES", "JPAS", "EMC2");
        }
    }

    @Test
    void whatTheGateAnsweredIsEveryAgencyAloneAndEveryPairAsRecommendAnswersThem() {
        try (EcaRules rules = EcaRules.bundled()) {
            int agencies = rules.agencies().size();
            Map<Choice, Recommendation> answered = rules.answered();

            assertThat(answered).hasSizeGreaterThanOrEqualTo(2 * (agencies + agencies * (agencies - 1) / 2));
            for (Choice choice : List.of(new Choice(List.of("CANES", "JPAS"), true),
                    new Choice(List.of("DI2E"), false))) {
                assertThat(answered.get(choice)).isEqualTo(rules.recommend(choice, false));
                assertThat(answered.get(choice).trace()).isNull();
            }
        }
    }

    @Test
    void anUnknownCodeIsRefusedWithTheCodesProbablyMeant() {
        try (EcaRules rules = EcaRules.bundled()) {
            assertThatThrownBy(() -> rules.recommend(List.of("CANSE")))
                    .isInstanceOfSatisfying(UnknownAgencyException.class,
                            e -> assertThat(e.suggestions()).containsKey("CANSE"));
        }
    }

    @Test
    void codesAreReadAsTheServiceReadsThemAndAnUnusableSelectionIsRefused() {
        try (EcaRules rules = EcaRules.bundled()) {
            assertThat(rules.recommend(List.of(" canes", "Jpas ", "CANES")).agencies()).containsExactly("CANES", "JPAS");
            assertThatThrownBy(() -> rules.recommend(List.of())).isInstanceOf(InvalidSelectionException.class)
                    .hasMessageContaining("at least one agency");
            assertThatThrownBy(() -> rules.recommend(Arrays.asList("CANES", null)))
                    .isInstanceOf(InvalidSelectionException.class).hasMessageContaining("agencies[1] is null");
            assertThatThrownBy(() -> rules.checkCertificate(new byte[0], List.of(" "), true))
                    .isInstanceOf(InvalidSelectionException.class).hasMessageContaining("agencies[0] is blank");
        }
    }

    @Test
    void aHeldCertificateIsChecked() {
        String pem = TestCertificates.pem(TestCertificates.PKI.leaf("3")); // ECA Medium Token
        try (EcaRules rules = EcaRules.load(TestCertificates.rules())) {
            assertThat(rules.checkCertificate(pem.getBytes(StandardCharsets.US_ASCII), List.of("CANES", "JPAS"), true)
                    .verdict()).isEqualTo("covers");
        }
    }

    @Test
    void rulesThatDoNotPassTheGateAreRefusedWithTheirFileAndLine(@TempDir Path dir) throws Exception {
        ShippedRules.copyTo(dir);
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        Files.writeString(emc2, Files.readString(emc2).replace("Selection(agency == \"EMC2\")", "Selection(agency =="));

        assertThatThrownBy(() -> EcaRules.load(dir)).isInstanceOfSatisfying(InvalidRulesetException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).endsWith("agencies/EMC2.drl");
                    assertThat(problem.line()).isPositive();
                }));
    }

    @Test
    void aReloadPutsAnEditLiveAndKeepsTheLastGoodRulesetWhenTheNextEditIsBroken(@TempDir Path dir) throws Exception {
        ShippedRules.copyToChangeEmc2(dir);
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        String original = Files.readString(emc2);
        try (EcaRules rules = EcaRules.load(dir)) {
            assertThat(rules.reload().outcome()).isEqualTo(EcaRules.Reload.Outcome.UNCHANGED);

            Files.writeString(emc2, original.replace(EMC2_ACCEPTS_ANY, EMC2_TOKEN_ONLY));
            EcaRules.Reload live = rules.reload();
            assertThat(live.outcome()).isEqualTo(EcaRules.Reload.Outcome.LIVE);
            assertThat(rules.version()).isEqualTo(live.version());
            assertThat(rules.recommend(List.of("EMC2")).certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");

            Files.writeString(emc2, original.replace("Selection(agency == \"EMC2\")", "Selection(agency =="));
            EcaRules.Reload refused = rules.reload();
            assertThat(refused.outcome()).isEqualTo(EcaRules.Reload.Outcome.REFUSED);
            assertThat(refused.problems()).isNotEmpty();
            assertThat(rules.version()).isEqualTo(live.version());
            assertThat(rules.status().lastFailedLoad().version()).isEqualTo(refused.version());
            assertThat(rules.recommend(List.of("EMC2")).certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");

            rules.close();
            assertThatThrownBy(() -> rules.recommend(List.of("EMC2"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(rules::reload).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void checkingIsTrueFromTheGatesStartToItsVerdictAndOnlyThen(@TempDir Path dir) throws Exception {
        ShippedRules.copyToChangeEmc2(dir);
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        String original = Files.readString(emc2);
        ExecutorService reloading = Executors.newSingleThreadExecutor();
        try (EcaRules rules = EcaRules.load(dir)) {
            assertThat(rules.checking()).isFalse();
            Files.writeString(emc2, original.replace(EMC2_ACCEPTS_ANY, EMC2_TOKEN_ONLY));

            var reload = reloading.submit(rules::reload);
            boolean seen = false;
            while (!reload.isDone()) {
                seen |= rules.checking();
                Thread.sleep(1);
            }

            assertThat(reload.get().outcome()).isEqualTo(EcaRules.Reload.Outcome.LIVE);
            assertThat(seen).as("checking() while the candidate was in the gate").isTrue();
            assertThat(rules.checking()).isFalse();
            // A candidate the gate refuses ends its check too.
            Files.writeString(emc2, original.replace("Selection(agency == \"EMC2\")", "Selection(agency =="));
            assertThat(rules.reload().outcome()).isEqualTo(EcaRules.Reload.Outcome.REFUSED);
            assertThat(rules.checking()).isFalse();
        } finally {
            reloading.shutdownNow();
        }
    }

    @Test
    void aWatchReloadsAnEditOnceItHasSettledAndSaysWhatBecameOfIt(@TempDir Path dir) throws Exception {
        ShippedRules.copyToChangeEmc2(dir);
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        String original = Files.readString(emc2);
        BlockingQueue<EcaRules.Reload> reloads = new LinkedBlockingQueue<>();
        try (EcaRules rules = EcaRules.load(dir);
             EcaRules.Watch watch = rules.watch(Duration.ofMillis(50), Duration.ofMillis(200), reloads::add)) {
            Files.writeString(emc2, original.replace("Selection(agency == \"EMC2\")", "Selection(agency =="));
            EcaRules.Reload refused = reloads.poll(60, TimeUnit.SECONDS);
            assertThat(refused).isNotNull().extracting(EcaRules.Reload::outcome).isEqualTo(EcaRules.Reload.Outcome.REFUSED);
            assertThat(refused.problems()).anyMatch(problem -> problem.file().endsWith("agencies/EMC2.drl"));

            Files.writeString(emc2, original.replace(EMC2_ACCEPTS_ANY, EMC2_TOKEN_ONLY));
            EcaRules.Reload live = reloads.poll(60, TimeUnit.SECONDS);
            assertThat(live).isNotNull().extracting(EcaRules.Reload::outcome).isEqualTo(EcaRules.Reload.Outcome.LIVE);
            assertThat(live.took()).isPositive();
            assertThat(rules.recommend(List.of("EMC2")).certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
        }
    }

    /** git-sync's delivery: the link swapped in one rename is a whole revision, reloaded without a debounce. */
    @Test
    void aWatchReloadsASwappedLinkAtOnce(@TempDir Path work) throws Exception {
        Path first = Revisions.revision(work.resolve("rev-1"), false);
        Path second = Revisions.revision(work.resolve("rev-2"), true);
        Path current = work.resolve("current");
        Files.createSymbolicLink(current, first.getFileName());
        BlockingQueue<EcaRules.Reload> reloads = new LinkedBlockingQueue<>();
        // A debounce of an hour: only the swap itself can make the watch reload within the test.
        try (EcaRules rules = EcaRules.load(current);
             EcaRules.Watch watch = rules.watch(Duration.ofMillis(50), Duration.ofHours(1), reloads::add)) {
            Revisions.swap(current, second);

            EcaRules.Reload live = reloads.poll(60, TimeUnit.SECONDS);
            assertThat(live).isNotNull().extracting(EcaRules.Reload::version).isEqualTo(Revisions.version(second));
            assertThat(rules.recommend(List.of("EMC2")).certificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
        }
        try (EcaRules bundled = EcaRules.bundled()) {
            assertThatThrownBy(() -> bundled.watch(Duration.ofMillis(50), Duration.ofMillis(200), reload -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no directory to watch");
        }
    }

    /** Eight threads ask while the rules change ten times: no error, and every answer is its named ruleset's. */
    @Test
    void answersUnderEightThreadsStayConsistentThroughTenReloads(@TempDir Path dir) throws Exception {
        ShippedRules.copyToChangeEmc2(dir);
        Path emc2 = dir.resolve("agencies/EMC2.drl");
        String anyType = Files.readString(emc2);
        String tokenOnly = anyType.replace(EMC2_ACCEPTS_ANY, EMC2_TOKEN_ONLY);
        String anyVersion = RuleSource.fromDirectory(dir).version();
        Files.writeString(emc2, tokenOnly);
        String tokenVersion = RuleSource.fromDirectory(dir).version();
        Files.writeString(emc2, anyType);
        // EMC2's source names no type: nothing is sure; once it names Medium Token, that is sure.
        Map<String, List<String>> expected = Map.of(anyVersion, List.of(), tokenVersion,
                List.of("MEDIUM_TOKEN_ASSURANCE"));

        try (EcaRules rules = EcaRules.load(dir)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong answered = new AtomicLong();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            ExecutorService askers = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                long seed = t;
                askers.submit(() -> {
                    Random random = new Random(seed);
                    while (running.get()) {
                        try {
                            // EMC2 changes with the ruleset; the seed example stays the same in both.
                            List<String> selection = random.nextBoolean() ? List.of("EMC2") : List.of("CANES", "JPAS");
                            Recommendation answer = rules.recommend(selection);
                            List<String> sure = expected.get(answer.rulesetVersion());
                            boolean right = sure != null && answer.certificateTypes().equals(
                                    selection.size() == 1 ? sure : List.of("MEDIUM_TOKEN_ASSURANCE"));
                            if (!right) {
                                wrong.add(selection + " on " + answer.rulesetVersion() + ": " + answer.certificateTypes());
                            }
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            wrong.add(e.toString());
                        }
                    }
                });
            }
            int live = 0;
            for (int change = 0; change < 10; change++) {
                Files.writeString(emc2, change % 2 == 0 ? tokenOnly : anyType);
                if (rules.reload().outcome() == EcaRules.Reload.Outcome.LIVE) {
                    live++;
                }
                Thread.sleep(200);
            }
            running.set(false);
            askers.shutdown();
            assertThat(askers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(live).isEqualTo(10);
            assertThat(wrong).isEmpty();
            assertThat(answered.get()).isPositive();
        }
    }
}
