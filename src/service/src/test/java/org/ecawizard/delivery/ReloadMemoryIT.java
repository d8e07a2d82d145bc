package org.ecawizard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.ecawizard.engine.internal.ruleset.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 reloads leave the heap where it was: each old KieContainer is disposed and its module removed from the
 * KieRepository. Bounded: 200 reloads through the real gate, no network.
 */
class ReloadMemoryIT {

    private static final int WARM_UP = 10;
    private static final int RELOADS = 200;

    @TempDir
    Path rules;

    @Test
    void heapAfterGcStaysWithinTenPercentOver200Reloads() throws Exception {
        ShippedRules.copyToChangeEmc2(rules);
        Path emc2 = rules.resolve("agencies/EMC2.drl");
        String original = Files.readString(emc2);
        String tokenOnly = original
                .replace("Evidence.that(\"EMC2\").acceptsEca()", "Evidence.that(\"EMC2\").accepts(\"MEDIUM_TOKEN_ASSURANCE\")");
        RulesetService service = new RulesetService(RulesetService.Opening.start(new RulesetProperties(rules, 1000,
                false, Duration.ZERO, Duration.ofMillis(250), 1), Clock.systemUTC()), new SimpleMeterRegistry());
        service.afterSingletonsInstantiated();

        long start = 0;
        long startMetaspace = 0;
        long began = System.nanoTime();
        for (int reload = 1; reload <= WARM_UP + RELOADS; reload++) {
            Files.writeString(emc2, reload % 2 == 1 ? tokenOnly : original);
            assertThat(service.reload()).as("reload %d", reload).isTrue();
            if (reload == WARM_UP) {
                impactWorkedOut(service);
                start = heapAfterGc();
                startMetaspace = metaspace();
                began = System.nanoTime();
            }
        }
        impactWorkedOut(service);
        long end = heapAfterGc();
        long endMetaspace = metaspace();
        long perReloadMs = Duration.ofNanos(System.nanoTime() - began).toMillis() / RELOADS;

        System.out.printf("%d reloads: heap after GC %.1f MB -> %.1f MB (%+.1f %%), metaspace %.1f MB -> %.1f MB,"
                        + " %d ms per reload (gate included)%n", RELOADS, mb(start), mb(end),
                100.0 * (end - start) / start, mb(startMetaspace), mb(endMetaspace), perReloadMs);
        assertThat(end).isLessThanOrEqualTo(start + start / 10);
    }

    /** The impact of the last reload is worked out after it goes live; the ruleset it retired is then released. */
    private static void impactWorkedOut(RulesetService service) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && (service.rules().status().lastActivation() == null
                || !service.rules().status().lastActivation().impact().to().equals(service.rules().version()))) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .sum();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
