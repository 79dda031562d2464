package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
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
