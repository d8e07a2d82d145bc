package org.ecawizard.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that must not serve: it does not compile, or its catalog or rules are inconsistent. */
public class InvalidRulesetException extends RuntimeException {

    /** Every problem, each at its file and line. */
    private final List<RuleProblem> problems;

    /**
     * @param location where the ruleset was read from
     * @param problems every problem, each at its file and line
     */
    public InvalidRulesetException(String location, List<RuleProblem> problems) {
        super("The ruleset in " + location + " has " + problems.size() + " error(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, each at its file and line */
    public List<RuleProblem> problems() {
        return problems;
    }
}
