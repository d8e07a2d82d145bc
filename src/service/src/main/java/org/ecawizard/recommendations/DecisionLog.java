package org.ecawizard.recommendations;

import java.time.Instant;
import org.ecawizard.engine.LoggedDecision;
import org.ecawizard.engine.Recommendation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per decision on the {@code eca.decisions} logger: who asked (request id), what was chosen, what
 * was answered and by which ruleset, so that an analyst can replay real traffic against a candidate ruleset
 * ({@code check --replay FILE}).
 */
@Component
public class DecisionLog {

    private static final Logger decisions = LoggerFactory.getLogger("eca.decisions");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    void record(String requestId, Recommendation answer) {
        if (decisions.isInfoEnabled()) {
            decisions.info(JSON.writeValueAsString(LoggedDecision.of(Instant.now(), requestId, answer)));
        }
    }
}
