package org.ecawizard.web;

import java.util.List;
import org.ecawizard.catalog.Agency;
import org.ecawizard.live.RulesetService;
import org.ecawizard.ruleset.Ruleset;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgencyController {

    private final RulesetService rulesets;

    AgencyController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    /** The catalog; the {@code X-Ruleset-Version} header names the ruleset that declares it. */
    @GetMapping("/api/agencies")
    ResponseEntity<List<Agency>> agencies() {
        Ruleset ruleset = rulesets.current();
        return ResponseEntity.ok().header("X-Ruleset-Version", ruleset.version()).body(ruleset.catalog().all());
    }
}
