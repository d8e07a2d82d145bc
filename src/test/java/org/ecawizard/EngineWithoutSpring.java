package org.ecawizard;

import java.util.List;
import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.check.CheckReport;
import org.ecawizard.check.RulesetGate;
import org.ecawizard.ruleset.RuleSource;

/**
 * Run by {@link EngineWithoutSpringTest} in a JVM whose class path holds no Spring: the bundled rules through the
 * whole gate, then the seed example. Prints what it found, one line each.
 */
public final class EngineWithoutSpring {

    private EngineWithoutSpring() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("org.springframework.core.io.Resource");
            System.out.println("spring: on the class path");
        } catch (ClassNotFoundException e) {
            System.out.println("spring: absent");
        }
        Advisor advisor = new Advisor();
        CheckReport report = new RulesetGate(1000, java.time.Clock.systemUTC(), advisor).check(RuleSource.bundled());
        System.out.println("gate: " + (report.passed() ? "passed" : "refused " + report.errors()));
        Recommendation answer = advisor.recommend(report.ruleset(), Choice.of(List.of("CANES", "JPAS"), true), false);
        System.out.println("seed: " + answer.certificateTypes() + " from " + answer.rulesetVersion());
        report.ruleset().dispose();
    }
}
