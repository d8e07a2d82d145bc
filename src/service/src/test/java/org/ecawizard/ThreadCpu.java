package org.ecawizard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU a process's threads have used, by what they do, as Linux's /proc gives it: the rules' gate (the watch's
 * thread and the fork-join pools the gate and Drools' compiler use), the JIT compilers, the request threads and the
 * rest. Zero everywhere when there is no /proc. The groups are bench/reload.sh's, its GC counted with the rest
 * here; the CPU of threads that ended is in neither.
 *
 * @param gate     milliseconds on the gate's threads
 * @param jit      milliseconds on the JIT compilers' threads
 * @param requests milliseconds on Tomcat's threads
 * @param other    milliseconds on every other thread
 */
record ThreadCpu(long gate, long jit, long requests, long other) {

    /** /proc's clock ticks per second: USER_HZ, 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static ThreadCpu of(long pid) {
        long[] ms = new long[4];
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    return; // the thread ended between the listing and the read
                }
                // The name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
                ms[group(name)] += used;
            });
        } catch (IOException noProc) {
            return new ThreadCpu(0, 0, 0, 0);
        }
        return new ThreadCpu(ms[0], ms[1], ms[2], ms[3]);
    }

    private static int group(String thread) {
        if (thread.startsWith("rules-watcher") || thread.startsWith("ForkJoinPool") || thread.startsWith("drools")) {
            return 0;
        }
        if (thread.contains("CompilerThre")) {
            return 1;
        }
        return thread.startsWith("http-nio") ? 2 : 3;
    }

    ThreadCpu since(ThreadCpu earlier) {
        return new ThreadCpu(gate - earlier.gate, jit - earlier.jit, requests - earlier.requests,
                other - earlier.other);
    }

    @Override
    public String toString() {
        return "gate " + gate + " ms, JIT " + jit + " ms, requests " + requests + " ms, other " + other + " ms";
    }
}
