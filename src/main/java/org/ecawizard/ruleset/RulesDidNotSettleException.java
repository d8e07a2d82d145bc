package org.ecawizard.ruleset;

/** The rules kept firing up to the cap: a rule loops, or the cap is too low for the ruleset. */
public class RulesDidNotSettleException extends RuntimeException {

    public RulesDidNotSettleException(int fireLimit) {
        super("The rules did not settle within " + fireLimit + " rule firings (eca.rules.fire-limit);"
                + " a rule probably re-inserts what makes it fire again.");
    }
}
