package org.ecawizard.engine;

/** The rules kept firing up to the cap: a rule loops, or the cap is too low for the ruleset. */
public class RulesDidNotSettleException extends RuntimeException {

    /** The rule that fired most often in the run that was stopped. */
    private final RuleLocation busiest;

    /**
     * @param fireLimit the limit the run reached
     * @param busiest   the rule that fired most often in the run that was stopped
     * @param times     how often it fired
     */
    public RulesDidNotSettleException(int fireLimit, RuleLocation busiest, long times) {
        super("The rules did not settle within " + fireLimit + " rule firings (eca.rules.fire-limit): rule \""
                + busiest.rule() + "\" (" + busiest.file() + ":" + busiest.line() + ") fired " + times
                + " times; it probably re-inserts what makes it fire again.");
        this.busiest = busiest;
    }

    /** @return the rule that fired most often in the run that was stopped */
    public RuleLocation busiest() {
        return busiest;
    }
}
