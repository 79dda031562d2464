package com.partnerworkspace.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.RealServers;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The delegation API as a client uses it, for the tests of this feature. */
final class Delegations {

    static final ObjectMapper JSON = new ObjectMapper();

    private Delegations() {}

    static String token(String user) {
        return RealServers.keycloak().accessToken(user);
    }

    static Api.Response post(String path, String user, Object body) {
        return postAs(path, token(user), body);
    }

    static Api.Response postAs(String path, String bearer, Object body) {
        return Api.send(path, bearer, request -> {
            HttpRequest.Builder built = request.header("Content-Type", "application/json");
            try {
                return built.POST(HttpRequest.BodyPublishers.ofString(
                        body == null ? "{}" : body instanceof String text ? text : JSON.writeValueAsString(body)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Api.Response request(String user, Map<String, Object> body) {
        return post("/api/delegations", user, body);
    }

    /** A valid request: asks and checks it was accepted. */
    static JsonNode requestOk(String user, Map<String, Object> body) {
        Api.Response response = request(user, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static JsonNode get(String id, String user) {
        Api.Response response = Api.get("/api/delegations/" + id, token(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode awaitState(String id, String state) {
        return await(id, delegation -> delegation.get("state").asText().equals(state), "state " + state);
    }

    static JsonNode await(String id, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode delegation = get(id, "omar");
        while (!condition.test(delegation)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("delegation " + id + " never reached " + what + ": " + delegation);
            }
            sleep(Duration.ofMillis(200));
            delegation = get(id, "omar");
        }
        return delegation;
    }

    /** Revokes (as ops) what is still open for {@code delegate}: a clean start on kept test servers. */
    static void revokeOpenDelegationsGrantedTo(String delegate) {
        for (JsonNode delegation :
                Api.get("/api/delegations?view=granted-to-me", token(delegate)).json()) {
            if (List.of("AWAITING_MFA", "AWAITING_APPROVAL", "ACTIVE")
                    .contains(delegation.get("state").asText())) {
                post("/api/delegations/" + delegation.get("id").asText() + "/revoke", "omar", null);
            }
        }
    }

    /** The open task of the delegation's process that the user sees in their inbox. */
    static JsonNode taskFor(String id, String user) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Api.Response tasks =
                    Api.get("/api/tasks?process=delegation-approval&sort=created,desc&size=200", token(user));
            assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
            for (JsonNode summary : tasks.json().get("content")) {
                JsonNode task = Api.get("/api/tasks/" + summary.get("id").asText(), token(user))
                        .json();
                if (id.equals(task.path("context").path("delegationId").asText())) {
                    return task;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no task of delegation " + id + " in the inbox of " + user);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    static Api.Response decide(String taskId, String user, boolean approved, String comment) {
        return post("/api/tasks/" + taskId + "/complete", user, Map.of("approved", approved, "comment", comment));
    }

    static void approve(String id, String user) {
        JsonNode task = taskFor(id, user);
        Api.Response decided = decide(task.get("id").asText(), user, true, "Looks right");
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    /** The claims of a JWT (no signature check: the test only reads what Keycloak put in). */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(
                    new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> groups(String jwt) {
        return JSON.convertValue(
                claims(jwt).path("groups"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
