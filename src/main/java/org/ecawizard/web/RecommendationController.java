package org.ecawizard.web;

import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.RecommendationRequest;
import org.ecawizard.live.RulesetService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final RulesetService rulesets;
    private final Advisor advisor;

    RecommendationController(RulesetService rulesets, Advisor advisor) {
        this.rulesets = rulesets;
        this.advisor = advisor;
    }

    /** With {@code trace=true} the answer lists the rules that fired, in order, each with its file and line. */
    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Recommendation recommend(@RequestBody RecommendationRequest request,
                             @RequestParam(defaultValue = "false") boolean trace) {
        return rulesets.withCurrent(ruleset -> advisor.recommend(ruleset, request, trace));
    }
}
