package org.ecawizard.ruleset;

import java.time.Instant;
import java.util.List;
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
        List<String> files = ruleset.source().files().stream().map(RuleFile::path).toList();
        return new RulesetStatus(ruleset.version(), ruleset.loadedAt(), ruleset.source().location(), files,
                ruleset.catalog().size(), failure == null ? null : new Failure(failure.version(), failure.at(),
                        failure.problems().stream().map(Problem::of).toList()));
    }

    /**
     * @param lastFailedLoad the last candidate that was refused since this ruleset went into service, or null
     */
    record RulesetStatus(String version, Instant loadedAt, String location, List<String> files, int agencies,
                         Failure lastFailedLoad) {
    }

    record Failure(String version, Instant at, List<Problem> errors) {
    }

    record Problem(String file, int line, int column, String message, String text) {
        static Problem of(RuleProblem p) {
            return new Problem(p.file(), p.line(), p.column(), p.message(), p.toString());
        }
    }
}
