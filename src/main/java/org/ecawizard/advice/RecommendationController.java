package org.ecawizard.advice;

import org.ecawizard.ruleset.RulesetService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final RulesetService rulesets;
    private final Advisor advisor;

    RecommendationController(RulesetService rulesets, Advisor advisor) {
        this.rulesets = rulesets;
        this.advisor = advisor;
    }

    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Recommendation recommend(@RequestBody RecommendationRequest request) {
        return advisor.recommend(rulesets.current(), request);
    }
}
