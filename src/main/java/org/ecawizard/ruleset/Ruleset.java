package org.ecawizard.ruleset;

import java.time.Instant;
import java.util.List;
import org.ecawizard.catalog.AgencyCatalog;
import org.kie.api.runtime.KieContainer;

/** A compiled ruleset: its rule base, the agency catalog its files declare, and where it came from. */
public final class Ruleset {

    private final RuleSource source;
    private final String version;
    private final Instant loadedAt;
    private final KieContainer container;
    private final RuleRunner runner;
    private final AgencyCatalog catalog;

    Ruleset(RuleSource source, Instant loadedAt, KieContainer container, RuleRunner runner, AgencyCatalog catalog) {
        this.source = source;
        this.version = source.version();
        this.loadedAt = loadedAt;
        this.container = container;
        this.runner = runner;
        this.catalog = catalog;
    }

    /**
     * Inserts the facts into a fresh stateless session, fires the rules and returns what they concluded.
     *
     * @throws RulesDidNotSettleException when the rules reach the fire limit
     */
    public Evaluation evaluate(List<?> facts) {
        return runner.evaluate(facts);
    }

    public String version() {
        return version;
    }

    public RuleSource source() {
        return source;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public AgencyCatalog catalog() {
        return catalog;
    }

    /** Releases the rule base; call once the ruleset is out of service. */
    public void dispose() {
        container.dispose();
    }
}
