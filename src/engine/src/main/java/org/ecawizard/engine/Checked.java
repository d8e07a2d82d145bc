package org.ecawizard.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecawizard.engine.internal.gate.Coverage;
import org.ecawizard.engine.internal.gate.GateReport;

/**
 * What one run of the check found, for each of its report formats to write.
 *
 * @param options     what was asked
 * @param report      the gate's report on the rules
 * @param impact      the change against {@code --against}; null when not asked for
 * @param replay      the replayed decisions' lines; empty when not asked for
 * @param explanation the agency read back; empty when not asked for
 */
record Checked(CheckOptions options, GateReport report, Compared impact, List<String> replay,
               Explained explanation) {

    /**
     * The impact, or why there is none.
     *
     * @param impact      the selections whose answers change; null when it could not be worked out
     * @param unavailable why not; null when it was
     * @param problems    the compared rules' errors, when they did not compile
     */
    record Compared(Impact impact, String unavailable, List<RuleProblem> problems) {
    }

    /**
     * @param lines the agency's file in plain words, or why not
     * @param found whether the agency was there to explain
     */
    record Explained(List<String> lines, boolean found) {
    }

    /** @return 0 when the rules could go live, 1 when they could not, 2 when the agency to explain is not there */
    int exitCode() {
        return !explanation.found() ? 2 : report.passed() ? 0 : 1;
    }

    /** @return the rules no scenario fires, by file in the order the ruleset lists them */
    Map<String, List<RuleLocation>> unexercisedByFile() {
        Map<String, List<RuleLocation>> byFile = new LinkedHashMap<>();
        Coverage coverage = report.coverage();
        if (coverage != null) {
            coverage.unexercised().forEach(rule -> byFile.computeIfAbsent(rule.file(), file -> new ArrayList<>())
                    .add(rule));
        }
        return byFile;
    }

    /** @return the last line of every format: the outcome, the ruleset, what it holds and how it did */
    String summary() {
        var ruleset = report.ruleset();
        return "check: " + (report.passed() ? "OK" : "FAILED") + ": ruleset " + report.version() + " in "
                + options.rules()
                + (ruleset == null ? "" : ", " + ruleset.catalog().size() + " agencies, " + ruleset.rules().size()
                        + " rules")
                + ", " + (ruleset == null ? report.scenarios().size() + " scenarios not run"
                        : (report.scenarios().size() - report.scenariosFailed()) + " of " + report.scenarios().size()
                                + " scenarios passed")
                + "; " + report.errors().size() + " error(s), " + report.warnings().size() + " warning(s)";
    }
}
