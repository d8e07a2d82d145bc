package org.ecawizard.recommendations;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecawizard.delivery.RulesetService;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.SelectionRefusedException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples of {@code POST /api/recommendations} are real: each scenario marked {@code apiExample} in the
 * ruleset in service, its selection as the request, and the answer the rules give it as the response. The
 * document is built per request (springdoc's cache is off), so a new ruleset brings its own examples.
 */
@Component
public class AnswerExamples implements OpenApiCustomizer {

    static final String OPERATION = "recommend";

    private final RulesetService rulesets;
    private final JsonMapper json;

    AnswerExamples(RulesetService rulesets, JsonMapper json) {
        this.rulesets = rulesets;
        this.json = json;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        Operation recommend = api.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                .filter(operation -> OPERATION.equals(operation.getOperationId())).findFirst().orElseThrow();
        MediaType request = recommend.getRequestBody().getContent().get("application/json");
        MediaType response = recommend.getResponses().get("200").getContent().get("application/json");
        for (Scenario scenario : rulesets.rules().scenarios()) {
            try {
                if (scenario.apiExample()) {
                    example(scenario, request, response);
                }
            } catch (SelectionRefusedException e) {
                // A reload between reading the scenarios and answering: the next document has the example.
            }
        }
    }

    private void example(Scenario scenario, MediaType request, MediaType response) {
        Choice choice = scenario.choice();
        String key = scenario.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencies", choice.agencies());
        body.put("residesInUs", choice.residesInUs());
        request.addExamples(key, new Example().summary(scenario.name()).value(body));
        response.addExamples(key, new Example().summary(scenario.name()).value(
                json.convertValue(rulesets.rules().recommend(choice, false), Map.class)));
    }
}
