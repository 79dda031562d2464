package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every error under {@code /api/**} is RFC 9457 problem+json with type, title, status and detail, and
 * no library message or stack trace reaches the caller. Bad requests come from a table; the endpoints
 * under {@code /api/probe} (test support) stand in for a feature's controller.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorShapesTest {

    private static final String JSON = "application/json";
    private static final String LARGE_BODY = "{\"symbol\":\"" + "X".repeat(300 * 1024) + "\",\"quantity\":1}";

    private static String token;

    @BeforeAll
    static void token(KeycloakServer keycloak) {
        token = keycloak.accessToken("nikhil");
    }

    record BadRequest(String name, String path, UnaryOperator<HttpRequest.Builder> request, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                        new BadRequest("unknown path", "/api/no-such-thing", r -> r.GET(), 404),
                        new BadRequest("wrong method", "/api/me", r -> r.DELETE(), 405),
                        new BadRequest("unsupported media type", "/api/probe/orders", post("text/plain", "hello"), 415),
                        new BadRequest("malformed JSON", "/api/probe/orders", post(JSON, "{\"symbol\": "), 400),
                        new BadRequest(
                                "wrongly typed JSON",
                                "/api/probe/orders",
                                post(JSON, "{\"symbol\":\"INFY\",\"quantity\":\"many\"}"),
                                400),
                        new BadRequest(
                                "invalid fields",
                                "/api/probe/orders",
                                post(JSON, "{\"symbol\":\"\",\"quantity\":0}"),
                                400),
                        new BadRequest("missing body", "/api/probe/orders", post(JSON, ""), 400),
                        new BadRequest("missing parameter", "/api/probe/count", r -> r.GET(), 400),
                        new BadRequest("wrongly typed parameter", "/api/probe/count?count=abc", r -> r.GET(), 400),
                        new BadRequest("oversized body", "/api/probe/orders", post(JSON, LARGE_BODY), 413),
                        new BadRequest(
                                "request line longer than the server reads",
                                "/api/audit?actor=" + "%C3%A9".repeat(4_000),
                                r -> r.GET(),
                                400),
                        new BadRequest(
                                "oversized chunked body",
                                "/api/probe/orders",
                                r -> r.header("Content-Type", JSON)
                                        .POST(BodyPublishers.ofInputStream(
                                                () -> new ByteArrayInputStream(LARGE_BODY.getBytes()))),
                                413),
                        new BadRequest(
                                "multipart without boundary",
                                "/api/probe/orders",
                                post("multipart/form-data", "x"),
                                400),
                        new BadRequest("unexpected failure", "/api/probe/failure", r -> r.GET(), 500),
                        new BadRequest(
                                "library IllegalArgumentException", "/api/probe/illegal-argument", r -> r.GET(), 500),
                        new BadRequest("missing Vault secret", "/api/probe/missing-secret", r -> r.GET(), 404))
                .map(Arguments::of);
    }

    private static UnaryOperator<HttpRequest.Builder> post(String contentType, String body) {
        return r -> r.header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblem(BadRequest bad) {
        var response = Api.send(bad.path(), token, bad.request());

        assertThat(response.status()).isEqualTo(bad.status());
        assertIsProblem(response, bad.status());
    }

    @Test
    void namesTheOffendingFields() {
        var response = Api.send("/api/probe/orders", token, post(JSON, "{\"symbol\":\"\",\"quantity\":0}"));

        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("symbol", "quantity");
    }

    @Test
    void namesTheWronglyTypedField() {
        var response = Api.send("/api/probe/orders", token, post(JSON, "{\"symbol\":\"INFY\",\"quantity\":\"many\"}"));

        assertThat(response.json().get("detail").asText()).contains("'quantity'");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("quantity");
    }

    @Test
    void unexpectedFailuresCarryAnIncidentIdThatTheLogHasToo(CapturedOutput log) {
        var response = Api.get("/api/probe/failure", token);

        String incident = response.json().get("incident").asText();
        assertThat(incident).isNotBlank();
        assertThat(response.json().get("detail").asText()).contains(incident);
        assertThat(response.body()).doesNotContain("hunter2", "jdbc:", "IllegalStateException");
        assertThat(log.getOut()).contains("incident " + incident);
    }

    @Test
    void libraryMessagesNeverReachTheCaller() {
        var response = Api.get("/api/probe/illegal-argument", token);

        assertThat(response.body()).doesNotContain("raw library message");
    }

    @Test
    void brokenMultipartIsABadRequestOnAnyPathWithoutAStackTrace(CapturedOutput log) {
        var anonymousUi = Api.send("/", null, post("multipart/form-data", "x"));
        var api = Api.send(
                "/api/me",
                token,
                r -> r.header("Content-Type", "multipart/form-data").GET());

        assertThat(anonymousUi.status()).isEqualTo(400);
        assertIsProblem(anonymousUi, 400);
        assertThat(api.status()).isEqualTo(400);
        assertThat(log.getAll()).doesNotContain("MultipartException", "FileUploadException");
    }

    @Test
    void unknownPathsOutsideTheApiAreProblemsToo() {
        var response = Api.get("/no-such-file.js", null);

        assertThat(response.status()).isEqualTo(404);
        assertIsProblem(response, 404);
    }

    @Test
    void theApiDocumentDescribesEveryErrorAnswer() {
        var document = Api.get("/v3/api-docs", null).json();

        assertThat(document.at("/paths/~1api~1me/get/responses/404/content/application~1problem+json/schema/properties")
                        .fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "errors", "incident");
        assertThat(document.at("/paths/~1api~1me/get/responses").fieldNames())
                .toIterable()
                .contains("200", "400", "401", "403", "404", "405", "413", "415", "500");
        assertThat(document.at("/paths/~1api~1ui-config/get/responses").has("401"))
                .isFalse();
        assertThat(document.at("/paths").has("/api/probe/orders"))
                .as("test support stays hidden")
                .isFalse();
    }

    /**
     * Every string a request can carry under {@code /api} (body fields at any depth, query parameters, path
     * variables) declares a {@code maxLength}: a new field without {@code @Size} fails here. Strings with a
     * fixed set of values ({@code enum}) or a date format are bounded by their parser.
     */
    @Test
    void everyStringInputHasAMaximumLength() {
        JsonNode document = Api.get("/v3/api-docs", null).json();
        List<String> unbounded = new ArrayList<>();

        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String where = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        String name = where + " " + parameter.path("in").asText() + " parameter "
                                + parameter.path("name").asText();
                        collectUnbounded(document, parameter.path("schema"), name, unbounded, new HashSet<>());
                    }
                    operation
                            .getValue()
                            .path("requestBody")
                            .path("content")
                            .forEach(media -> collectUnbounded(
                                    document, media.path("schema"), where + " body", unbounded, new HashSet<>()));
                }));

        assertThat(document.at("/paths/~1api~1delegations/post/requestBody").isMissingNode())
                .as("the walk reaches request bodies")
                .isFalse();
        assertThat(unbounded).as("string inputs without maxLength").isEmpty();
    }

    private static final Set<String> PARSED_FORMATS = Set.of("date-time", "date");

    private static void collectUnbounded(
            JsonNode document, JsonNode schema, String where, List<String> unbounded, Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                collectUnbounded(document, document.at(ref.substring(1)), where, unbounded, seen);
            }
            return;
        }
        Set<String> types = new HashSet<>();
        schema.path("type").forEach(type -> types.add(type.asText()));
        if (schema.path("type").isTextual()) {
            types.add(schema.get("type").asText());
        }
        schema.path("types").forEach(type -> types.add(type.asText()));
        boolean composed = schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
        if (types.isEmpty() && !composed && !schema.has("properties")) {
            unbounded.add(where + " (any value, so any length of text)");
            return;
        }
        if (types.contains("string")
                && !schema.has("maxLength")
                && !schema.has("enum")
                && !PARSED_FORMATS.contains(schema.path("format").asText())) {
            unbounded.add(where);
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(property -> collectUnbounded(
                        document, property.getValue(), where + "." + property.getKey(), unbounded, seen));
        if (schema.has("items")) {
            collectUnbounded(document, schema.get("items"), where + "[]", unbounded, seen);
        }
        if (schema.path("additionalProperties").isObject()) {
            collectUnbounded(document, schema.get("additionalProperties"), where + "{}", unbounded, seen);
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(composition).forEach(part -> collectUnbounded(document, part, where, unbounded, seen));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLongParameters")
    void overLongParametersAreRefusedNamingTheParameter(String what, String path, String field) {
        var response = Api.get(path, token);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertIsProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    static Stream<Arguments> overLongParameters() {
        String longText = "x".repeat(500);
        return Stream.of(
                Arguments.of("path variable", "/api/connections/" + longText, "id"),
                Arguments.of("query parameter", "/api/audit?actor=" + longText, "actor"),
                Arguments.of("optional query parameter", "/api/tasks?partner=" + longText, "partner"));
    }

    /** A parameter bound and a body in one method: each error still names the body's field. */
    @Test
    void overLongBodyFieldsBesideAParameterAreNamedByField() {
        var response = Api.send(
                "/api/connections/" + UUID.randomUUID() + "/share",
                token,
                post(JSON, "{\"recipient\":\"" + "r".repeat(1_000) + "\",\"ttl\":\"PT15M\"}"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertIsProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("recipient");
    }

    /** A task's form fields are bounded before any form (or the task lookup) sees them. */
    @Test
    void overLongOrNestedTaskFieldsAreRefusedNamingTheField() {
        String path = "/api/tasks/" + UUID.randomUUID() + "/complete";
        var tooLong =
                Api.send(path, token, post(JSON, "{\"approved\":true,\"comment\":\"" + "c".repeat(2_001) + "\"}"));
        var nested = Api.send(path, token, post(JSON, "{\"decision\":{\"retry\":true}}"));

        for (var response : List.of(tooLong, nested)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertIsProblem(response, 400);
        }
        assertThat(tooLong.json().get("errors").findValuesAsText("field")).containsExactly("comment");
        assertThat(nested.json().get("errors").findValuesAsText("field")).containsExactly("decision");
    }

    /**
     * The links whose own token is the authority (share links, acknowledgement links, the broker's return
     * address) and the UI's configuration are documented as public ({@code security: []}); every other
     * operation asks for the Keycloak bearer token. Both agree with what the engine does without a token.
     */
    @Test
    void theApiDocumentMarksPublicOperationsAsPublic() {
        JsonNode document = Api.get("/v3/api-docs", null).json();
        List<String> publicOperations = new ArrayList<>();

        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String method = entry.getKey().toUpperCase(Locale.ROOT);
                    JsonNode operation = entry.getValue();
                    String name = method + " " + path.getKey();
                    boolean documentedPublic = operation.path("security").isArray()
                            && operation.path("security").isEmpty();
                    if (documentedPublic) {
                        publicOperations.add(name);
                        assertThat(operation.path("responses").has("401"))
                                .as(name)
                                .isFalse();
                    } else {
                        assertThat(operation.path("security").toString())
                                .as(name + " asks for the bearer token")
                                .contains("keycloak");
                    }
                    int anonymous = callAnonymously(method, path.getKey());
                    if (documentedPublic) {
                        assertThat(anonymous).as(name + " without a token").isNotEqualTo(401);
                    } else {
                        assertThat(anonymous).as(name + " without a token").isEqualTo(401);
                    }
                }));

        assertThat(publicOperations)
                .containsExactlyInAnyOrder(
                        "GET /api/ui-config",
                        "GET /api/brokers/callback",
                        "POST /api/shares/{id}/code",
                        "POST /api/shares/{id}/open",
                        "GET /api/alert-links/{token}",
                        "POST /api/alert-links/{token}/ack");
    }

    private static int callAnonymously(String method, String pathTemplate) {
        String path = pathTemplate.replaceAll("\\{[^}]+}", "no-such-thing");
        return Api.send(path, null, r -> r.header("Content-Type", JSON).method(method, BodyPublishers.ofString("{}")))
                .status();
    }

    static void assertIsProblem(Api.Response response, int status) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).startsWith("https://partner-workspace/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "trace");
    }
}
