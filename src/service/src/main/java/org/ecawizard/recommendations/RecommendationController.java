package org.ecawizard.recommendations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.EcaRules;
import org.ecawizard.engine.Recommendation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers a choice: from the answer cache when the same choice was answered on the same ruleset, afresh with the
 * rules that fired when a trace is asked for; every answer timed ({@code eca.recommendations}), what it buys counted
 * ({@code eca.purchases}) and the decision logged.
 */
@RestController
@Tag(name = "Recommendations", description = "What to buy for the applications a buyer must reach")
class RecommendationController {

    private final RulesetService rulesets;
    private final AnswerCache cache;
    private final DecisionLog decisions;
    private final AnswerWriter writer;
    private final MeterRegistry metrics;
    private final Timer timer;

    RecommendationController(RulesetService rulesets, AnswerCache cache, DecisionLog decisions, AnswerWriter writer,
                             MeterRegistry metrics) {
        this.rulesets = rulesets;
        this.cache = cache;
        this.decisions = decisions;
        this.writer = writer;
        this.metrics = metrics;
        this.timer = Timer.builder("eca.recommendations").description("Recommendations answered")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    @Operation(operationId = AnswerExamples.OPERATION,
            summary = "What to buy for a selection of agency applications, and why",
            description = """
                    The certificate types every selected application is stated to accept (sure), those no \
                    source rules out (possible, with the applications to confirm with), those a source \
                    rejects, and what to buy: one certificate whenever one will do. Every reason and warning \
                    carries its source (a public page, or "wizard" for the wizard's own advice) and the rule \
                    that concluded it. With trace=true the answer lists the rules that fired, in order, each \
                    with its file and line, and is computed afresh; other answers may come from the cache of \
                    the ruleset in service. Asking changes nothing: a client may send the same request again, \
                    for example when a load balancer closed the connection without an answer.""")
    @ApiResponse(responseCode = "200", description = "The recommendation; X-Request-Id names it in the decision log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Recommendation.class)),
            headers = {@Header(name = "X-Request-Id", description = "The caller's id when it was valid, else a new one",
                    schema = @Schema(type = "string")),
                @Header(name = "X-Ruleset-Version", schema = @Schema(type = "string"), description = "The ruleset"
                        + " that answered, as rulesetVersion: behind a load balancer, which replica's rules gave the"
                        + " answer")})
    @ApiResponse(responseCode = "400", description = "Unreadable JSON, a wrong or unknown field, an empty or too large"
            + " selection, or an unknown agency code (with suggestions)")
    @ApiResponse(responseCode = "413", description = "The body is larger than eca.http.max-body")
    @ApiResponse(responseCode = "415", description = "The body is not application/json")
    @PostMapping(path = "/api/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> recommend(
            @RequestBody RecommendationRequest request,
            @Parameter(description = "List the rules that fired") @RequestParam(defaultValue = "false") boolean trace,
            @Parameter(description = "The caller's id for this request ([A-Za-z0-9._-], at most 64 characters),"
                    + " echoed back and logged with the decision")
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        Choice choice = request.choice();
        String id = requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}") ? requestId
                : UUID.randomUUID().toString();
        // A traced answer is never cached. One computed while a reload puts a new ruleset live names the new
        // version, and the cache keeps it only for that version. Either is written once, as it goes out.
        EcaRules rules = rulesets.rules();
        Answer answer = timer.record(() -> trace ? writer.write(rules.recommend(choice, true))
                : cache.get(rules.version(), choice, () -> rules.recommend(choice, false)));
        Recommendation recommendation = answer.recommendation();
        recommendation.purchase().forEach(bought -> metrics.counter("eca.purchases", "type", bought.fact().type())
                .increment());
        decisions.record(id, answer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", id)
                .header("X-Ruleset-Version", recommendation.rulesetVersion()).body(answer.body());
    }
}
