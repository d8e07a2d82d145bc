package org.ecawizard.engine.internal.ruleset;

/** The ruleset was taken out of service; ask for the current one and try again. */
public class RulesetDisposedException extends RuntimeException {

    /** @param version the version of the retired ruleset */
    public RulesetDisposedException(String version) {
        super("Ruleset " + version + " is out of service");
    }
}
