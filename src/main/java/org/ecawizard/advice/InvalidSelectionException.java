package org.ecawizard.advice;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request does not name a usable selection: no agencies, or a blank code. */
public class InvalidSelectionException extends ErrorResponseException {

    public InvalidSelectionException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("/problems/invalid-selection"));
        problem.setTitle("Invalid selection");
        return problem;
    }
}
