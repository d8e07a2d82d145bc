package org.ecawizard.http;

import java.net.URI;
import java.util.stream.Collectors;
import org.ecawizard.engine.CertificateRefusedException;
import org.ecawizard.engine.InvalidSelectionException;
import org.ecawizard.engine.RulesDidNotSettleException;
import org.ecawizard.engine.UnknownAgencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns errors into {@code application/problem+json}: the domain's refusals (a selection, a
 * certificate), Spring MVC's own errors (wrong method, content type, unknown path) through the base class, a
 * useful detail for unreadable bodies, the 413 of {@link RequestSizeLimit}, and nothing unexpected shown as a
 * stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** Problem types are URNs: absolute, the same on every deployment, and not mistaken for a page to fetch. */
    static final String PROBLEM_TYPE = "urn:eca-wizard:problem:";
    // No real codes here: the catalog is policy and lives in rules/.
    private static final String EXAMPLE = "{\"agencies\": [\"CODE\", \"CODE\"], \"residesInUs\": true}";
    private static final String SHAPE = "The body does not have the expected shape: send a JSON object like " + EXAMPLE
            + " (agencies: a list of agency codes as strings; residesInUs: true or false; usCitizen, optional: true or"
            + " false).";

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable tooLarge = ex;
        while (tooLarge != null && !(tooLarge instanceof RequestSizeLimit.BodyTooLargeException)) {
            tooLarge = tooLarge.getCause();
        }
        if (tooLarge != null) {
            return handleExceptionInternal(ex, bodyTooLarge(tooLarge.getMessage()), headers,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request",
                describe(ex)), headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(InvalidSelectionException.class)
    ProblemDetail invalidSelection(InvalidSelectionException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-selection", "Invalid selection",
                ex.getMessage() + " GET /api/agencies lists the codes.");
    }

    @ExceptionHandler(UnknownAgencyException.class)
    ProblemDetail unknownAgency(UnknownAgencyException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unknown-agency", "Unknown agency",
                ex.getMessage() + " GET /api/agencies lists the codes.");
        problem.setProperty("unknown", ex.unknown());
        problem.setProperty("suggestions", ex.suggestions());
        return problem;
    }

    @ExceptionHandler(CertificateRefusedException.class)
    ProblemDetail certificateRefused(CertificateRefusedException ex) {
        return problem(HttpStatus.BAD_REQUEST, ex.kind(), ex.title(), ex.getMessage());
    }

    /** The 413 for a body over the limit; {@link RequestSizeLimit} writes it when the length is declared. */
    static ProblemDetail bodyTooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_TYPE + type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(RulesDidNotSettleException.class)
    ProblemDetail rulesDidNotSettle(RulesDidNotSettleException ex) {
        log.error("A request reached the fire limit", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "rules-did-not-settle", "Rules did not settle",
                "The policy rules could not decide this selection: " + ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'; the fields are: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ".";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().isEmpty() ? SHAPE
                    : "Field '" + path(mismatch) + "' has the wrong type: expected "
                            + expected(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof StreamReadException malformed) {
            var at = malformed.getLocation();
            return "Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + firstLine(malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException jackson) {
            return "The body is not the expected JSON: " + firstLine(jackson.getOriginalMessage());
        }
        return "The request has no readable JSON body: send " + EXAMPLE + ".";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        return "an object";
    }

    /** Jackson's first line, without the source location it appends (the location is reported separately). */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.replaceAll("\\s*\\(start marker at \\[Source.*$|\\s*at \\[Source.*$", "");
    }
}
