package com.partnerworkspace.system.internal;

import com.partnerworkspace.system.AlsoAnswers;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The product API as OpenAPI 3 at {@code /v3/api-docs}: Keycloak bearer tokens, and on every operation
 * the problem+json answers it can give besides its own, so clients (and the schema-driven fuzz run in
 * the tests) know every status to expect.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "keycloak";
    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Operations anyone may call without a token, as {@code SecurityConfig} permits them: the UI's
     * configuration, and the links whose own token is the authority (share links, acknowledgement links
     * from alert messages, the broker's return address). Documented with {@code security: []}.
     */
    private static final List<String> PUBLIC_OPERATIONS =
            List.of("GET /api/ui-config", "GET /api/brokers/callback", "* /api/shares/**", "* /api/alert-links/**");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final Map<String, String> ANY_OPERATION = ordered(
            "400", "The request is malformed or names invalid fields (see errors)",
            "404", "Nothing is here",
            "405", "The path does not take this method",
            "406", "The API cannot answer in an accepted media type",
            "413", "The request body is too large",
            "415", "The request body's media type is not accepted",
            "500", "Unexpected failure; the answer carries an incident id for the log");

    private static final Map<String, String> AUTHENTICATED_OPERATION = ordered(
            "401", "No valid Keycloak access token, or a fresh MFA step-up is needed",
            "403", "The caller's roles or partner access do not allow this");

    @Bean
    OpenAPI partnerWorkspaceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Partner Workspace API")
                        .version("v1")
                        .description("Self-service API for trading partners. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from the partner-workspace Keycloak realm")));
    }

    /** Problem answers an operation declares with {@link AlsoAnswers}. */
    @Bean
    OperationCustomizer declaredProblemAnswers() {
        return (operation, handler) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            for (AlsoAnswers answer : handler.getMethod().getAnnotationsByType(AlsoAnswers.class)) {
                addProblem(operation, String.valueOf(answer.status()), answer.description());
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponsesOnEveryOperation() {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> describeErrors(operation, isPublic(method.name(), path))));
    }

    static boolean isPublic(String method, String path) {
        return PUBLIC_OPERATIONS.stream().anyMatch(operation -> {
            String[] methodAndPath = operation.split(" ", 2);
            return (methodAndPath[0].equals("*") || methodAndPath[0].equals(method))
                    && PATHS.match(methodAndPath[1], path);
        });
    }

    private static void describeErrors(Operation operation, boolean isPublic) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ANY_OPERATION.forEach((status, description) -> addProblem(operation, status, description));
        if (isPublic) {
            operation.setSecurity(new ArrayList<>()); // security: [] (no token), not the bearer scheme
        } else {
            AUTHENTICATED_OPERATION.forEach((status, description) -> addProblem(operation, status, description));
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }

    private static void addProblem(Operation operation, String status, String description) {
        operation
                .getResponses()
                .putIfAbsent(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(PROBLEM_JSON, new MediaType().schema(problemSchema()))));
    }

    /** Inline on every answer: springdoc drops component schemas that only a customizer references. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .addProperty("incident", new StringSchema())
                .required(List.of("type", "title", "status"));
    }

    private static Map<String, String> ordered(String... statusAndDescription) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusAndDescription.length; i += 2) {
            map.put(statusAndDescription[i], statusAndDescription[i + 1]);
        }
        return map;
    }
}
