package org.ecawizard.certcheck;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The upload is not a public certificate that can be read: garbage, truncated, or it holds a private key. */
public class CertificateRefusedException extends ErrorResponseException {

    public CertificateRefusedException(String problemType, String title, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(problemType, title, detail), null);
    }

    private static ProblemDetail problem(String problemType, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("/problems/" + problemType));
        problem.setTitle(title);
        return problem;
    }
}
