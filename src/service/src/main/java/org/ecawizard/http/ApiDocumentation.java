package org.ecawizard.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the service is, and for every operation each error it can
 * answer, as problem+json. Served as OpenAPI 3.0, which generators and validators support in full.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI openApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("ECA Wizard API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("""
                                Which DoD ECA certificate type to buy: give the agency applications a buyer must \
                                reach, and the answer says the types every one of them is stated to accept, the \
                                ones no source rules out, what to buy, and why, each sentence with its source and \
                                the rule that concluded it. Answers name the ruleset that gave them \
                                (rulesetVersion). Errors are application/problem+json (RFC 9457).""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                // Relative: the API is wherever this document was fetched from, behind any proxy.
                .servers(List.of(new Server().url("/").description("The host that serves this document")))
                // Said, not forgotten: the API takes no credentials (it holds nothing of the buyer's).
                .security(List.of());
    }

    /** Each schema and property described by its record's Javadoc, in Markdown. */
    @Bean
    MarkdownJavadoc javadoc() {
        return new MarkdownJavadoc();
    }

    /**
     * Every error response is a {@value #PROBLEM}; every operation may answer 406 (an Accept it cannot meet) and
     * 500 (the rules could not decide, or an unexpected fault, logged).
     */
    @Bean
    OpenApiCustomizer problems() {
        return api -> {
            if (api.getComponents().getSchemas().containsKey(PROBLEM)) {
                // Another type named so would be replaced below, and every answer holding it would break the document.
                throw new IllegalStateException("a schema is already named " + PROBLEM + ": rename its type");
            }
            api.getComponents().getSchemas().remove("ProblemDetail");
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            for (PathItem path : api.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    ApiResponses responses = operation.getResponses();
                    responses.computeIfAbsent("406", code -> problem("No representation the Accept header"
                            + " allows: send Accept: application/json"));
                    responses.computeIfAbsent("500", code -> problem("The rules could not decide (they ran past"
                            + " the fire limit), or an unexpected fault; it is logged"));
                    responses.forEach((code, response) -> {
                        if (code.startsWith("4") || code.startsWith("5")) {
                            response.setContent(problemContent());
                        } else if (code.equals("304")) {
                            response.setContent(null); // Not Modified has no body
                        }
                    });
                }
            }
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457's members, and the ones an unknown agency code adds. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("A problem (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri").description(
                        "What kind of problem: urn:eca-wizard:problem:..., or about:blank for plain HTTP errors"))
                .addProperty("title", new StringSchema().description("The kind of problem, for a person"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What was wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The path asked for"))
                .addProperty("unknown", new ArraySchema().items(new StringSchema())
                        .description("With unknown-agency: the codes not in the catalog"))
                .addProperty("suggestions", new MapSchema().additionalProperties(new ArraySchema()
                        .items(new StringSchema())).description("With unknown-agency: per unknown code, the codes"
                        + " probably meant"))
                .required(List.of("title", "status"));
    }
}
