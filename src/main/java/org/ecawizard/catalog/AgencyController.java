package org.ecawizard.catalog;

import java.util.List;
import org.ecawizard.ruleset.RulesetService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgencyController {

    private final RulesetService rulesets;

    AgencyController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GetMapping("/api/agencies")
    List<Agency> agencies() {
        return rulesets.current().catalog().all();
    }
}
