package com.partnerworkspace.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Test steps for broker connections, through the API as a person would take them. */
public final class Connections {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String BROKER_SIM_CLIENT = "partner-workspace";
    public static final String BROKER_SIM_SECRET = "broker-sim-secret";

    private Connections() {}

    public static String token(String user) {
        return RealServers.keycloak().accessToken(user);
    }

    public static Api.Response post(String path, String bearer, Object body) {
        return postTo(com.partnerworkspace.testsupport.EngineTest.BASE_URL, path, bearer, body);
    }

    public static Api.Response postTo(String baseUrl, String path, String bearer, Object body) {
        return Api.send(baseUrl, path, bearer, request -> {
            try {
                return request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body == null
                                        ? "{}"
                                        : body instanceof String text ? text : JSON.writeValueAsString(body)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static Api.Response create(String user, String label, String apiKey, String apiSecret) {
        return post(
                "/api/connections",
                token(user),
                Map.of("broker", "broker-sim", "label", label, "apiKey", apiKey, "apiSecret", apiSecret));
    }

    public static JsonNode createOk(String user, String label) {
        Api.Response created = create(user, label, BROKER_SIM_CLIENT, BROKER_SIM_SECRET);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** The broker's redirect followed by the browser: answers the engine's 303 (not followed). */
    public static HttpResponse<String> followToCallback(URI callback) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Created, logged in at broker-sim as {@code trader}, and verified: ACTIVE. */
    public static JsonNode connectedOk(String user, String label) {
        JsonNode created = createOk(user, label);
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(created.get("authorizationUrl").asText()), "trader", "demo1234");
        HttpResponse<String> back = followToCallback(callback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        return awaitConnection(
                created.get("id").asText(),
                user,
                c -> c.get("state").asText().equals("ACTIVE")
                        && c.get("activity").isNull(),
                "ACTIVE");
    }

    public static JsonNode get(String id, String user) {
        Api.Response response = Api.get("/api/connections/" + id, token(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public static JsonNode awaitConnection(String id, String user, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode connection = get(id, user);
        while (!condition.test(connection)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("connection " + id + " never reached " + what + ": " + connection);
            }
            sleep(Duration.ofMillis(200));
            connection = get(id, user);
        }
        return connection;
    }

    public static JsonNode awaitIdle(String id, String user) {
        return awaitConnection(id, user, c -> c.get("activity").isNull(), "no activity");
    }

    public static String queryParam(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
