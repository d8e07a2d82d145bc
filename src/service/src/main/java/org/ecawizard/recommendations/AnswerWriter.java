package org.ecawizard.recommendations;

import org.ecawizard.engine.Recommendation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a recommendation as it goes out, with the service's JSON mapper: once per answer, not per request. */
@Component
public class AnswerWriter {

    private final JsonMapper json;

    public AnswerWriter(JsonMapper json) {
        this.json = json;
    }

    public Answer write(Recommendation recommendation) {
        return new Answer(recommendation, json.writeValueAsBytes(recommendation), DecisionLog.decided(recommendation));
    }
}
