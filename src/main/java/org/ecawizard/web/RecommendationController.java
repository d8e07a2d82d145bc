package org.ecawizard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.ecawizard.advice.Choice;
import org.ecawizard.advice.Recommendation;
import org.ecawizard.advice.Recommender;
import org.ecawizard.live.RulesetService;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final RulesetService rulesets;
    private final Recommender recommender;
    private final DecisionLog decisions;

    RecommendationController(RulesetService rulesets, Recommender recommender, DecisionLog decisions) {
        this.rulesets = rulesets;
        this.recommender = recommender;
        this.decisions = decisions;
    }

    /**
     * With {@code trace=true} the answer lists the rules that fired, in order, each with its file and line;
     * such an answer is computed afresh, every other one may come from the cache.
     */
    @Operation(summary = "Which ECA certificate type(s) every selected agency application accepts, what to buy, and why")
    @ApiResponse(responseCode = "200", description = "The recommendation")
    @ApiResponse(responseCode = "400", description = "Unreadable JSON, a wrong field, an empty or too large selection,"
            + " or an unknown agency code (with suggestions)", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "The body is larger than eca.http.max-body", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recommendation> recommend(@RequestBody RecommendationRequest request,
                                             @RequestParam(defaultValue = "false") boolean trace,
                                             @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        Choice choice = request.choice();
        String id = requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}") ? requestId
                : UUID.randomUUID().toString();
        Recommendation answer = rulesets.withCurrent(ruleset -> recommender.recommend(ruleset, choice, trace));
        decisions.record(id, answer);
        return ResponseEntity.ok().header("X-Request-Id", id).body(answer);
    }
}
