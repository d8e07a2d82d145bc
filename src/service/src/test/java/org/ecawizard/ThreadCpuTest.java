package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aBusyThreadNamedAsTheGatesCountsAsTheGate() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "reads Linux's /proc");
        long pid = ProcessHandle.current().pid();
        ThreadCpu before = ThreadCpu.of(pid);
        AtomicReference<ThreadCpu> used = new AtomicReference<>();
        // Busy until the JVM counts 300 ms of its CPU, then read by itself: an ended thread's time leaves /proc.
        Thread busy = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            while (threads.getCurrentThreadCpuTime() < 300_000_000L) {
                Thread.onSpinWait();
            }
            used.set(ThreadCpu.of(pid).since(before));
        }, "rules-watcher");
        busy.start();
        busy.join();

        // /proc counts in ticks of 10 ms: 300 ms of the JVM's count is at least 290 of its.
        assertThat(used.get().gate()).as(used.get().toString()).isBetween(290L, 1_000L);
        assertThat(ThreadCpu.of(pid).jit()).as("this JVM's JIT compilers have run").isPositive();
    }
}
