package org.ecawizard.delivery;

import org.ecawizard.engine.EcaRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * While the service runs, the engine watches the rules directory ({@link EcaRules#watch}: every {@code
 * eca.rules.poll}, reloading once an edit has been quiet for {@code eca.rules.debounce}, or at once on a swapped
 * link), and each reload is counted in the service's metrics.
 */
@Component
class RulesWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

    private final RulesetService rulesets;
    private final RulesetProperties properties;
    private volatile EcaRules.Watch watch;

    RulesWatcher(RulesetService rulesets) {
        this.rulesets = rulesets;
        this.properties = rulesets.properties();
    }

    @Override
    public void start() {
        if (!properties.watch() || rulesets.rules().status().location().startsWith("classpath:")) {
            log.info("Not watching for rule edits ({})", properties.watch()
                    ? properties.dir() + " did not exist at start-up; the bundled rules serve" : "eca.rules.watch=false");
            return;
        }
        watch = rulesets.rules().watch(properties.poll(), properties.debounce(), rulesets::record);
        log.info("Watching {} for rule edits (every {} ms, debounce {} ms)", properties.dir(),
                properties.poll().toMillis(), properties.debounce().toMillis());
    }

    @Override
    public void stop() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watch != null;
    }
}
