package org.ecawizard.advice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The selection names codes that the catalog does not have; says which codes were probably meant. */
public class UnknownAgencyException extends ErrorResponseException {

    public UnknownAgencyException(Map<String, List<String>> suggestions) {
        super(HttpStatus.BAD_REQUEST, problem(suggestions), null);
    }

    private static ProblemDetail problem(Map<String, List<String>> suggestions) {
        String detail = suggestions.entrySet().stream()
                .map(e -> "'" + e.getKey() + "'" + (e.getValue().isEmpty() ? ""
                        : " (did you mean " + String.join(" or ", e.getValue()) + "?)"))
                .collect(Collectors.joining(", ", "Unknown agency code ", ". GET /api/agencies lists the codes."));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("/problems/unknown-agency"));
        problem.setTitle("Unknown agency");
        problem.setProperty("unknown", List.copyOf(suggestions.keySet()));
        problem.setProperty("suggestions", suggestions);
        return problem;
    }
}
