package org.ecawizard.recommendations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.EcaRules;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog", description = "The agency applications the ruleset in service knows")
class AgencyController {

    private final RulesetService rulesets;

    AgencyController(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    /**
     * The ETag is the ruleset version: the catalog changes only with the ruleset. It is weak (the same catalog
     * gzipped or not), which also lets the server compress it: Tomcat leaves a strongly tagged body alone.
     */
    @Operation(operationId = "agencies", summary = "The agency applications a buyer can select",
            description = """
                    Every application the ruleset in service declares, with what its sources state of each \
                    certificate type (accepted, rejected, unstated, each with its source), its lifecycle and \
                    whether it takes Non-U.S. certificates; then the wizard's special entries. The ETag is the \
                    ruleset version: send it back in If-None-Match to get 304 until the ruleset changes.""",
            parameters = @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH,
                    description = "The ETag of a catalog already held", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The catalog; X-Ruleset-Version names the ruleset")
    @ApiResponse(responseCode = "304", description = "The catalog held (If-None-Match) is still current")
    @GetMapping("/api/agencies")
    ResponseEntity<List<Agency>> agencies() {
        EcaRules.Status ruleset = rulesets.rules().status();
        return ResponseEntity.ok().eTag("W/\"" + ruleset.version() + "\"").cacheControl(CacheControl.noCache())
                .header("X-Ruleset-Version", ruleset.version()).body(ruleset.agencies());
    }
}
