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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Test steps for broker connections, through the API as a person would take them. */
public final class Connections {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String BROKER_SIM_CLIENT = "partner-workspace";
    public static final String BROKER_SIM_SECRET = "broker-sim-secret";

    /**
     * The binding cookie a broker login's start set (the {@code Cookie} header value that carries it),
     * kept by the login's state, as the starting browser keeps it until the broker sends it back.
     */
    private static final Map<String, String> STARTING_BROWSER = new ConcurrentHashMap<>();

    private Connections() {}

    public static String token(String user) {
        return RealServers.keycloak().accessToken(user);
    }

    public static Api.Response post(String path, String bearer, Object body) {
        return postTo(com.partnerworkspace.testsupport.EngineTest.BASE_URL, path, bearer, body);
    }

    public static Api.Response postTo(String baseUrl, String path, String bearer, Object body) {
        Api.Response response = Api.send(baseUrl, path, bearer, request -> {
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
        rememberStartingBrowser(response);
        return response;
    }

    private static void rememberStartingBrowser(Api.Response response) {
        if (response.status() / 100 != 2 || !response.contentType().contains("json")) {
            return;
        }
        JsonNode url = response.json().path("authorizationUrl");
        Optional<String> cookie = bindingCookie(response.raw());
        if (url.isTextual() && cookie.isPresent()) {
            STARTING_BROWSER.put(queryParam(url.asText(), "state"), cookie.get());
        }
    }

    /** {@code name=value} of the broker-login binding cookie the answer sets, if it sets one. */
    public static Optional<String> bindingCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("broker_login_"))
                .map(header -> header.split(";", 2)[0])
                .findFirst();
    }

    /**
     * The broker's redirect followed by the browser that started the login (it carries that browser's
     * binding cookie): answers the engine's 303 (not followed).
     */
    public static HttpResponse<String> followToCallback(URI callback) {
        boolean hasState = callback.getRawQuery() != null
                && java.util.Arrays.stream(callback.getRawQuery().split("&")).anyMatch(p -> p.startsWith("state="));
        return followToCallback(
                callback, hasState ? STARTING_BROWSER.get(queryParam(callback.toString(), "state")) : null);
    }

    /** The broker's redirect followed by a browser that sends {@code cookie} (null: no cookie at all). */
    public static HttpResponse<String> followToCallback(URI callback, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
