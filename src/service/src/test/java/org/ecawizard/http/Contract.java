package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document the service serves, checked against what the HTTP tests exchange with it (Atlassian's
 * swagger-request-validator): every response must be one the document allows, and so must every request the
 * service accepted (a request it refused is bad on purpose; its problem response is still checked).
 */
public final class Contract {

    private static final Map<String, Contract> BY_DOCUMENT = new ConcurrentHashMap<>();
    /** A path, or a method on a path, that the document does not have: not part of the contract. */
    private static final Set<String> OUTSIDE = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;

    private Contract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** @param document the JSON the service served at /v3/api-docs */
    public static Contract of(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, Contract::new);
    }

    /** One request and the response it got, as sent and received. */
    public record Exchange(String method, String path, Map<String, List<String>> query, String requestType,
                           byte[] requestBody, int status, String responseType, byte[] responseBody,
                           Map<String, List<String>> responseHeaders) {
    }

    public void check(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.query().forEach(request::withQueryParam);
        if (exchange.requestType() != null) {
            request.withContentType(exchange.requestType());
        }
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseType() != null) {
            response.withContentType(exchange.responseType());
        }
        if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        Request built = request.build();
        // MockMvc keeps a multipart body as parts, not bytes: such a request is not seen, its response is checked.
        boolean requestSeen = exchange.requestType() == null || !exchange.requestType().startsWith("multipart/")
                || exchange.requestBody() != null && exchange.requestBody().length > 0;
        ValidationReport report = exchange.status() < 300 && requestSeen ? validator.validate(built, response.build())
                : validator.validateResponse(exchange.path(), built.getMethod(), response.build());
        assertThat(report.getMessages().stream().filter(message -> !OUTSIDE.contains(message.getKey())).toList())
                .as("%s %s -> %d breaks the served OpenAPI document", exchange.method(), exchange.path(),
                        exchange.status())
                .isEmpty();
    }
}
