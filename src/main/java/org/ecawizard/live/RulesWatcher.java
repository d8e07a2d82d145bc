package org.ecawizard.live;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules directory, sub-directories included. Once the files have been quiet for the debounce
 * time it asks the {@link RulesetService} to reload, off the request path; the gate decides what goes live.
 */
@Component
class RulesWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    private final RulesetService rulesets;
    private final RulesetProperties properties;
    private volatile WatchService watcher;
    private volatile boolean running;

    RulesWatcher(RulesetService rulesets) {
        this.rulesets = rulesets;
        this.properties = rulesets.properties();
    }

    @Override
    public void start() {
        Path dir = properties.dir();
        if (!properties.watch() || !Files.isDirectory(dir)) {
            log.info("Not watching for rule edits ({})", properties.watch() ? dir + " does not exist" : "eca.rules.watch=false");
            return;
        }
        try {
            watcher = dir.getFileSystem().newWatchService();
            register(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + dir, e);
        }
        running = true;
        Thread thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for rule edits (debounce {} ms)", dir, properties.debounce().toMillis());
    }

    private void watch() {
        try {
            while (running) {
                drain(watcher.take());
                WatchKey more;
                while ((more = watcher.poll(properties.debounce().toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    rulesets.reload();
                } catch (RuntimeException e) {
                    log.error("Reload failed; the ruleset in service keeps serving", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the events of a key; a new directory is watched too, so files created in it are seen. */
    private void drain(WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && key.watchable() instanceof Path parent
                    && event.context() instanceof Path name && Files.isDirectory(parent.resolve(name))) {
                try {
                    register(parent.resolve(name));
                } catch (IOException e) {
                    log.warn("Cannot watch {}: {}", parent.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.debug("Closing the watcher: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
