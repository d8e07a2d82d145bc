package org.ecawizard.advice;

import java.time.Instant;
import java.util.List;

/**
 * A decision as the service logs it, one JSON line each, and as {@code check --replay} reads it back.
 *
 * @param coveringSet the types of the smallest covering set when there was a conflict, else empty
 */
public record Decision(Instant at, String requestId, List<String> agencies, boolean residesInUs,
                       List<String> certificateTypes, List<String> coveringSet, String rulesetVersion) {

    public static Decision of(Instant at, String requestId, Recommendation answer) {
        return new Decision(at, requestId, answer.agencies(), answer.residesInUs(), answer.certificateTypes(),
                answer.conflict() == null ? List.of()
                        : answer.conflict().coveringSet().stream().map(Recommendation.Covering::type).toList(),
                answer.rulesetVersion());
    }
}
