package org.ecawizard.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a rules directory every {@code poll} and, once what it reads has changed and then stayed the same for
 * the debounce time, or its link was swapped, runs the reload on its own thread (see {@link EcaRules#watch}).
 */
final class DirectoryWatch implements EcaRules.Watch {

    private static final Logger log = LoggerFactory.getLogger(DirectoryWatch.class);

    private final Path dir;
    private final Duration debounce;
    private final Runnable reload;
    private final ScheduledExecutorService poller;
    // Touched by the poller's thread alone.
    private String seen;
    private String revision;
    private String lastStamp = "";
    private long lastRead;
    private long changedAt;
    private boolean pending;

    DirectoryWatch(Path dir, String serving, Duration poll, Duration debounce, Runnable reload) {
        this.dir = dir;
        this.debounce = debounce;
        this.reload = reload;
        this.seen = serving;
        this.revision = linkTargets();
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::look, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One look: a change starts the debounce; quiet for the debounce time, the rules are reloaded. A swapped link
     * (the directory's own, or a ConfigMap's {@code ..data}) is a delivery that is whole by construction: it is
     * reloaded at once.
     */
    private void look() {
        String linkedTo = linkTargets();
        long time = System.nanoTime();
        String stamp;
        try {
            stamp = RuleSource.stamp(dir);
        } catch (UncheckedIOException e) {
            stamp = "unreadable: " + e.getMessage();
        }
        // The files' sizes and times are looked at every time; the files themselves are read when those change,
        // and at least every second, for an edit that keeps both (a file system with coarse times).
        if (stamp.equals(lastStamp) && Objects.equals(linkedTo, revision) && !pending
                && time - lastRead < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastStamp = stamp;
        lastRead = time;
        String now;
        try {
            now = RuleSource.fromDirectory(dir).version();
        } catch (UncheckedIOException e) {
            now = "unreadable: " + e.getMessage();
        }
        boolean swapped = linkedTo != null && !linkedTo.equals(revision);
        revision = linkedTo;
        if (!now.equals(seen)) {
            seen = now;
            changedAt = time;
            pending = true;
        }
        if (pending && (swapped || time - changedAt >= debounce.toNanos())) {
            pending = false;
            try {
                reload.run();
            } catch (RuntimeException e) {
                log.error("Reload failed; the ruleset in service keeps serving", e);
            }
        }
    }

    /** Where the directory and its {@code ..data} link lead, or null when they cannot be followed. */
    private String linkTargets() {
        try {
            Path data = dir.resolve("..data");
            return dir.toRealPath() + (Files.exists(data) ? " " + data.toRealPath() : "");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
