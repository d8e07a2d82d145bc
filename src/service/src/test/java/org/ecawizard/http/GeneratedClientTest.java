package org.ecawizard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import org.ecawizard.client.ApiClient;
import org.ecawizard.client.ApiException;
import org.ecawizard.client.api.CatalogApi;
import org.ecawizard.client.api.RecommendationsApi;
import org.ecawizard.client.model.ConclusionPossibleType;
import org.ecawizard.client.model.Problem;
import org.ecawizard.client.model.Recommendation;
import org.ecawizard.client.model.RecommendationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A back end's view: the Java client openapi-generator makes from the contract (pom.xml), calling the running
 * service. A change to the document that breaks generated clients fails to compile here or fails these checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eca.rules.watch=false")
class GeneratedClientTest {

    @LocalServerPort
    int port;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
    }

    @Test
    void theSeedExample() throws ApiException {
        Recommendation answer = new RecommendationsApi(client).recommend(
                new RecommendationRequest().agencies(List.of("CANES", "JPAS")).residesInUs(true), false, "client-test");

        assertThat(answer.getCertificateTypes()).containsExactly("MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer.getPurchase()).singleElement().satisfies(bought -> {
            assertThat(bought.getType()).isEqualTo("MEDIUM_TOKEN_ASSURANCE");
            assertThat(bought.getRule()).isNotBlank();
        });
        assertThat(answer.getConflict()).isNull();
        assertThat(answer.getRetired()).extracting(retired -> retired.getAgency()).containsExactly("JPAS");
    }

    @Test
    void aPossibleTypeAnswer() throws ApiException {
        Recommendation answer = new RecommendationsApi(client).recommend(
                new RecommendationRequest().agencies(List.of("WICAP")), null, null);

        assertThat(answer.getCertificateTypes()).isEmpty();
        assertThat(answer.getPossibleTypes()).extracting(ConclusionPossibleType::getType)
                .contains("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE");
        assertThat(answer.getPossibleTypes()).allSatisfy(possible ->
                assertThat(possible.getUnstatedFor()).contains("WICAP"));
        assertThat(answer.getWarnings()).anySatisfy(warning -> assertThat(warning.getSource()).isNotBlank());
    }

    @Test
    void aProblemTheClientCanRead() throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new RecommendationsApi(client)
                .recommend(new RecommendationRequest().agencies(List.of("JPSA")), null, null));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:eca-wizard:problem:unknown-agency"));
        assertThat(problem.getSuggestions()).containsEntry("JPSA", List.of("JPAS"));
    }

    @Test
    void theCatalog() throws ApiException {
        assertThat(new CatalogApi(client).agencies(null)).isNotEmpty()
                .allSatisfy(agency -> assertThat(agency.getCode()).isNotBlank());
    }
}
