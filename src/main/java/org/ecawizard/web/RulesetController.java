package org.ecawizard.web;

import java.time.Instant;
import java.util.List;
import org.ecawizard.check.Impact;
import org.ecawizard.live.RulesetService;
import org.ecawizard.ruleset.RuleFile;
import org.ecawizard.ruleset.RuleProblem;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RulesetController {

    private final RulesetService rulesets;

    RulesetController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GetMapping("/api/ruleset")
    RulesetStatus ruleset() {
        Ruleset ruleset = rulesets.current();
        RulesetService.FailedLoad failure = rulesets.lastFailure();
        RulesetService.Activation activation = rulesets.lastActivation();
        return new RulesetStatus(ruleset.version(), ruleset.loadedAt(), ruleset.source().location(),
                ruleset.source().files().stream().map(RuleFile::path).toList(), ruleset.catalog().size(),
                failure == null ? null : new Failure(failure.version(), failure.at(),
                        failure.problems().stream().map(Problem::of).toList()),
                activation == null ? null : new LastActivation(activation.at(), activation.impact()));
    }

    /**
     * @param lastFailedLoad the last candidate refused since this ruleset went live, or null
     * @param lastActivation the reload that put this ruleset live, with what it changed; null for the start-up one
     */
    record RulesetStatus(String version, Instant loadedAt, String location, List<String> files, int agencies,
                         Failure lastFailedLoad, LastActivation lastActivation) {
    }

    record Failure(String version, Instant at, List<Problem> errors) {
    }

    record Problem(String file, int line, int column, String message, String text) {
        static Problem of(RuleProblem p) {
            return new Problem(p.file(), p.line(), p.column(), p.message(), p.toString());
        }
    }

    record LastActivation(Instant at, Impact impact) {
    }
}
