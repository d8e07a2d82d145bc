package org.ecawizard.web;

import org.ecawizard.advice.Advisor;
import org.ecawizard.advice.AnswerCache;
import org.ecawizard.advice.Choice;
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
    private final AnswerCache cache;

    RecommendationController(RulesetService rulesets, Advisor advisor, AnswerCache cache) {
        this.rulesets = rulesets;
        this.advisor = advisor;
        this.cache = cache;
    }

    /**
     * With {@code trace=true} the answer lists the rules that fired, in order, each with its file and line;
     * such an answer is computed afresh, every other one may come from the cache.
     */
    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Recommendation recommend(@RequestBody RecommendationRequest request,
                             @RequestParam(defaultValue = "false") boolean trace) {
        Choice choice = Choice.of(request);
        return rulesets.withCurrent(ruleset -> trace ? advisor.recommend(ruleset, choice, true)
                : cache.get(ruleset.version(), choice, () -> advisor.recommend(ruleset, choice, false)));
    }
}
