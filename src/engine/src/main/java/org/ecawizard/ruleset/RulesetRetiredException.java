package org.ecawizard.ruleset;

/** The ruleset was taken out of service; ask for the current one and try again. */
public class RulesetRetiredException extends RuntimeException {

    /** @param version the version of the retired ruleset */
    public RulesetRetiredException(String version) {
        super("Ruleset " + version + " is out of service");
    }
}
