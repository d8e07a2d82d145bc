package org.ecawizard.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that must not serve: it does not compile, or its catalog or rules are inconsistent. */
public class InvalidRulesetException extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRulesetException(String location, List<RuleProblem> problems) {
        super("The ruleset in " + location + " has " + problems.size() + " error(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
