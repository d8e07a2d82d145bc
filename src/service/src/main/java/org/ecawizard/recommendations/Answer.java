package org.ecawizard.recommendations;

import org.ecawizard.engine.Recommendation;

/**
 * An answer as it goes out, written once however often it is served: the recommendation, its JSON body, and the
 * fields of its decision log line that the answer decides.
 *
 * @param body     the recommendation as the JSON the API answers
 * @param decision the decision log line's fields after when and for whom, as {@link DecisionLog} writes them
 */
public record Answer(Recommendation recommendation, byte[] body, String decision) {
}
