package org.ecawizard.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecawizard.engine.EcaRules;
import org.ecawizard.engine.Impact;
import org.ecawizard.engine.RuleProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ruleset", description = "The policy in service and how its last changes went")
class RulesetController {

    private final RulesetService rulesets;

    RulesetController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    /**
     * The ETag changes with the ruleset, with a refused candidate and with the impact of a reload. It is weak, as
     * the catalog's: the same status compressed or not.
     */
    @Operation(operationId = "ruleset",
            summary = "The ruleset in service, the last refused candidate and the last reload",
            description = """
                    Which ruleset answers (version, files, agencies), the last candidate the gate refused \
                    since it went live with every problem as file:line, and, once worked out, what its reload \
                    changed for buyers. Send the ETag back in If-None-Match to get 304 until any of that \
                    changes.""",
            parameters = @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH,
                    description = "The ETag of a status already held", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The status")
    @ApiResponse(responseCode = "304", description = "The status held (If-None-Match) is still current")
    @GetMapping("/api/ruleset")
    ResponseEntity<RulesetStatus> ruleset() {
        EcaRules.Status ruleset = rulesets.rules().status();
        EcaRules.FailedLoad failure = ruleset.lastFailedLoad();
        EcaRules.Activation activation = ruleset.lastActivation();
        String etag = ruleset.version() + "-" + Integer.toHexString(Objects.hash(
                failure == null ? null : failure.version(), failure == null ? null : failure.at(),
                activation == null ? null : activation.at()));
        RulesetStatus status = new RulesetStatus(ruleset.version(), ruleset.loadedAt(), ruleset.location(),
                ruleset.files(), ruleset.agencies().size(),
                failure == null ? null : new Failure(failure.version(), failure.at(),
                        failure.problems().stream().map(RuleError::of).toList()),
                activation == null ? null : new LastActivation(activation.at(), activation.impact()));
        return ResponseEntity.ok().eTag("W/\"" + etag + "\"").cacheControl(CacheControl.noCache()).body(status);
    }

    /**
     * The ruleset in service: its version, where it was read and what it holds, with the last candidate refused
     * and the last reload.
     *
     * @param version        a digest of its files, the same for the same files; answers name it in
     *                       {@code rulesetVersion}
     * @param loadedAt       when it was read, ISO-8601 in UTC
     * @param location       where it was read: a directory, or {@code classpath:bundled-rules} for the bundled rules
     * @param files          its files, relative to that location, sorted
     * @param agencies       how many agency applications it declares
     * @param lastFailedLoad the last candidate refused since this ruleset went live; absent when none is
     * @param lastActivation the reload that put this ruleset live, with what it changed; absent for the start-up one
     *                       and until the reload's impact is worked out
     */
    record RulesetStatus(String version, Instant loadedAt, String location, List<String> files, int agencies,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Failure lastFailedLoad,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LastActivation lastActivation) {
    }

    /**
     * A candidate ruleset the gate refused, with why.
     *
     * @param version its version, a digest of its files; empty when the rules directory could not be read
     * @param at      when it was refused, ISO-8601 in UTC
     * @param errors  why, each at its file and line
     */
    record Failure(String version, Instant at, List<RuleError> errors) {
    }

    /**
     * A problem in a rule file, at a place an editor can jump to.
     *
     * @param code    what kind of problem it is, one word: {@code drl} (does not compile), {@code confinement},
     *                {@code agency-file}, {@code scenario-failed}, {@code dead-rule} ... (the check's SARIF rule ids)
     * @param file    the file, as an analyst opens it, e.g. {@code rules/agencies/CODE.drl}; where the rules are
     *                read from, for a problem of the whole ruleset
     * @param line    1-based; 0 when the problem has no line
     * @param column  1-based; 0 when it has none
     * @param message what is wrong, on one line
     * @param text    the whole problem on one line, as {@code file:line:column: message}
     */
    record RuleError(String code, String file, int line, int column, String message, String text) {
        static RuleError of(RuleProblem p) {
            return new RuleError(p.code(), p.file(), p.line(), p.column(), p.message(), p.toString());
        }
    }

    /**
     * The reload that put the ruleset in service live, and what it changed for buyers.
     *
     * @param at     when it went live, ISO-8601 in UTC
     * @param impact whose answers it changed, against the ruleset it replaced
     */
    record LastActivation(Instant at, Impact impact) {
    }
}
