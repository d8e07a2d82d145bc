package org.ecawizard.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ecawizard.ruleset.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks at the rules directory every {@code eca.rules.poll} and, once what it reads has changed and then stayed
 * the same for the debounce time, asks the {@link RulesetService} to reload, off the request path; the gate
 * decides what goes live. It reads the files rather than waiting for file-system events, because rules are
 * delivered in ways events miss: git-sync swaps the symbolic link the service was pointed at, a Kubernetes
 * ConfigMap swaps its {@code ..data} link, an operator deletes the directory and creates it again. A directory
 * that cannot be read counts as a change too: the reload then keeps the last good ruleset and says why.
 */
@Component
class RulesWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    private final RulesetService rulesets;
    private final RulesetProperties properties;
    private volatile ScheduledExecutorService poller;
    private String seen;
    private String revision;
    private String lastStamp = "";
    private long lastRead;
    private long changedAt;
    private boolean pending;

    RulesWatcher(RulesetService rulesets) {
        this.rulesets = rulesets;
        this.properties = rulesets.properties();
    }

    @Override
    public void start() {
        if (!properties.watch() || rulesets.current().source().location().startsWith("classpath:")) {
            log.info("Not watching for rule edits ({})", properties.watch()
                    ? properties.dir() + " did not exist at start-up; the bundled rules serve" : "eca.rules.watch=false");
            return;
        }
        seen = rulesets.current().version();
        revision = linkTargets();
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::look, properties.poll().toMillis(), properties.poll().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Watching {} for rule edits (every {} ms, debounce {} ms)", properties.dir(),
                properties.poll().toMillis(), properties.debounce().toMillis());
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
            stamp = RuleSource.stamp(properties.dir());
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
            now = RuleSource.fromDirectory(properties.dir()).version();
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
        if (pending && (swapped || time - changedAt >= properties.debounce().toNanos())) {
            pending = false;
            try {
                rulesets.reload();
            } catch (RuntimeException e) {
                log.error("Reload failed; the ruleset in service keeps serving", e);
            }
        }
    }

    /** Where the directory and its {@code ..data} link lead, or null when they cannot be followed. */
    private String linkTargets() {
        try {
            Path dir = properties.dir();
            Path data = dir.resolve("..data");
            return dir.toRealPath() + (Files.exists(data) ? " " + data.toRealPath() : "");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
