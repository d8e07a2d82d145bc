package org.ecawizard.engine.internal.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;
import org.kie.api.runtime.KieContainer;

/**
 * A compiled ruleset: its rule base, the agency catalog its files declare, the ECA CAs it trusts, and where it came
 * from.
 */
public final class Ruleset {

    private final RuleSource source;
    private final String version;
    private final Instant loadedAt;
    private final KieContainer container;
    private final RuleIndex index;
    private final RuleRunner runner;
    private final AgencyCatalog catalog;
    private final TrustStore trustStore;
    private final List<RuleProblem> warnings;
    private final AnswerInputs inputs;
    // Evaluations under way; dispose() waits for them. Counted before the check of retired, so none slips past.
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean retired;

    Ruleset(RuleSource source, Instant loadedAt, KieContainer container, RuleIndex index, RuleRunner runner,
            AgencyCatalog catalog, TrustStore trustStore, List<RuleProblem> warnings, AnswerInputs inputs) {
        this.source = source;
        this.version = source.version();
        this.loadedAt = loadedAt;
        this.container = container;
        this.index = index;
        this.runner = runner;
        this.catalog = catalog;
        this.trustStore = trustStore;
        this.warnings = List.copyOf(warnings);
        this.inputs = inputs;
    }

    /**
     * Inserts the facts into a fresh stateless session, fires the rules and returns what they concluded.
     *
     * @param facts the facts to insert, in order
     * @return what the rules concluded
     * @throws org.ecawizard.engine.RulesDidNotSettleException when the rules reach the fire limit
     * @throws RulesetDisposedException    when the ruleset has been taken out of service
     */
    public Evaluation evaluate(List<?> facts) {
        inFlight.incrementAndGet();
        try {
            if (retired) {
                throw new RulesetDisposedException(version);
            }
            return runner.evaluate(facts);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** @return the version of its files (see {@link RuleSource#version()}) */
    public String version() {
        return version;
    }

    /** @return the files it was compiled from */
    public RuleSource source() {
        return source;
    }

    /** @return when it was compiled */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** @return what its answers are made of: another ruleset with the same inputs for a selection answers it alike */
    public AnswerInputs inputs() {
        return inputs;
    }

    /** @return the agency applications its files declare */
    public AgencyCatalog catalog() {
        return catalog;
    }

    /** @return the ECA CA certificates its {@code trust/} folder holds */
    public TrustStore trustStore() {
        return trustStore;
    }

    /** @return what its files say that an analyst should look at, though it does not keep them from going live */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** @return every rule of the ruleset, in file order */
    public List<RuleLocation> rules() {
        return index.all();
    }

    /**
     * Takes the ruleset out of service: evaluations that started finish first, later ones are refused with
     * {@link RulesetDisposedException}; then the rule base is released.
     */
    public void dispose() {
        retired = true;
        while (inFlight.get() > 0) {
            Thread.onSpinWait();
        }
        container.dispose();
    }
}
