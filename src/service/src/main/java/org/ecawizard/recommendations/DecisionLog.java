package org.ecawizard.recommendations;

import java.time.Instant;
import java.util.List;
import org.ecawizard.engine.LoggedDecision;
import org.ecawizard.engine.Recommendation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON line per decision on the {@code eca.decisions} logger: who asked (request id), what was chosen, what
 * was answered and by which ruleset, so that an analyst can replay real traffic against a candidate ruleset
 * ({@code check --replay FILE}).
 */
@Component
public class DecisionLog {

    private static final Logger decisions = LoggerFactory.getLogger("eca.decisions");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Logs a decision. The line is {@link LoggedDecision} as JSON: when and for whom are written here, the rest
     * was written once with the answer.
     *
     * @param requestId the request's id: letters, digits, '.', '_' and '-' only, so it needs no escaping
     */
    void record(String requestId, Answer answer) {
        if (decisions.isInfoEnabled()) {
            decisions.info("{\"at\":\"" + Instant.now() + "\",\"requestId\":\"" + requestId + "\","
                    + answer.decision());
        }
    }

    /** The fields of a decision's line after when and for whom, with the closing brace. */
    static String decided(Recommendation answer) {
        ObjectNode line = JSON.valueToTree(LoggedDecision.of(Instant.EPOCH, "", answer));
        line.remove(List.of("at", "requestId"));
        return JSON.writeValueAsString(line).substring(1);
    }
}
