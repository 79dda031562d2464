package com.partnerworkspace.diagnostics;

import static com.partnerworkspace.credentials.Connections.BROKER_SIM_CLIENT;
import static com.partnerworkspace.credentials.Connections.BROKER_SIM_SECRET;
import static com.partnerworkspace.credentials.Connections.awaitConnection;
import static com.partnerworkspace.credentials.Connections.followToCallback;
import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakAdmin;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OAuth doctor through the API against the real broker simulator (Keycloak realm {@code broker-sim}):
 * the three misconfigurations partners hit most, each named by the doctor with its guide section, and each
 * check passing again once the guide's fix is followed.
 */
@EngineTest
class OAuthDoctorTest {

    static final String CALLBACK = EngineTest.BASE_URL + "/api/brokers/callback";
    static final List<String> CHECK_IDS = List.of(
            "redirect-uri",
            "client-credentials",
            "clock-offset",
            "token-state",
            "scopes",
            "reachability",
            "egress-address");

    @Autowired
    TestClock clock;

    @Test
    void aRedirectUriTheBrokerDoesNotKnowIsNamedPieceByPieceAndPassesOnceRegisteredAsTheGuideSays() {
        String app = "doctor-redirect-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = app + "-secret";
        KeycloakAdmin admin = new KeycloakAdmin(RealServers.keycloak());
        // The app at the broker was registered for another address: a loopback IP and a trailing slash.
        String registered = "http://127.0.0.1:18080/api/brokers/callback/";
        admin.brokerSimApp(app, secret, List.of(registered));
        try {
            redirectUriNotRegistered(admin, app, secret, registered);
        } finally {
            admin.removeBrokerSimApp(app);
        }
    }

    private void redirectUriNotRegistered(KeycloakAdmin admin, String app, String secret, String registered) {

        // While adding the connection: the doctor on the settings not saved yet names the differences.
        JsonNode unsaved = oauth(
                "nitin",
                Map.of(
                        "broker", "broker-sim",
                        "apiKey", app,
                        "apiSecret", secret,
                        "registeredRedirectUri", registered));
        JsonNode redirect = check(unsaved, "redirect-uri");
        assertThat(redirect.get("status").asText()).isEqualTo("fail");
        assertThat(redirect.get("evidence").asText())
                .contains("does not accept " + CALLBACK)
                .contains("host: \"localhost\" here, \"127.0.0.1\" at the broker")
                .contains("trailing slash");
        assertThat(redirect.get("guide").asText())
                .isEqualTo("/diagnostics/guides/redirect-uri-mismatch#compare-piece-by-piece");
        assertThat(redirect.at("/fix/action").asText()).isEqualTo("copy");
        assertThat(redirect.at("/fix/value").asText()).isEqualTo(CALLBACK);
        assertThat(check(unsaved, "client-credentials").get("status").asText()).isEqualTo("pass");
        assertThat(check(unsaved, "token-state").get("status").asText()).isEqualTo("skipped");

        // A public address registered where the workspace runs on a loopback one is told apart.
        JsonNode publicHost = oauth(
                "nitin",
                Map.of(
                        "broker",
                        "broker-sim",
                        "apiKey",
                        app,
                        "apiSecret",
                        secret,
                        "registeredRedirectUri",
                        "https://workspace.example.com/api/brokers/callback"));
        assertThat(check(publicHost, "redirect-uri").get("guide").asText())
                .isEqualTo("/diagnostics/guides/redirect-uri-mismatch#loopback-or-public-host");
        assertThat(check(publicHost, "redirect-uri").get("evidence").asText())
                .contains("loopback")
                .contains("scheme: \"http\" here, \"https\" at the broker");

        // Saved anyway: the onboarding stops before the login, naming the redirect URI and its guide.
        JsonNode connection =
                Connections.create("nitin", "Redirect " + app, app, secret).json();
        String id = connection.get("id").asText();
        JsonNode failed = awaitConnection(id, "nitin", c -> c.has("failure"), "a failure");
        assertThat(failed.at("/failure/type").asText()).endsWith("/redirect-uri-mismatch");
        assertThat(failed.at("/failure/guide").asText())
                .isEqualTo("/diagnostics/guides/redirect-uri-mismatch#register-the-exact-uri");

        JsonNode withoutSetting = check(diagnose(id, "nitin"), "redirect-uri");
        assertThat(withoutSetting.get("status").asText()).isEqualTo("fail");
        assertThat(withoutSetting.get("guide").asText())
                .isEqualTo("/diagnostics/guides/redirect-uri-mismatch#register-the-exact-uri");

        // The guide: record what is registered to see the difference...
        assertThat(put(
                                "/api/connections/" + id + "/diagnosis-settings",
                                "nitin",
                                Map.of("registeredRedirectUri", registered))
                        .status())
                .isEqualTo(200);
        JsonNode compared = check(diagnose(id, "nitin"), "redirect-uri");
        assertThat(compared.get("status").asText()).isEqualTo("fail");
        assertThat(compared.get("evidence").asText()).contains("trailing slash");

        // ...then register the exact URI the doctor offers to copy at the broker: the broker accepts it, and
        // the doctor says the recorded one is now out of date.
        admin.brokerSimApp(app, secret, List.of(compared.at("/fix/value").asText()));
        JsonNode accepted = check(diagnose(id, "nitin"), "redirect-uri");
        assertThat(accepted.get("status").asText()).isEqualTo("warn");
        assertThat(accepted.at("/fix/action").asText()).isEqualTo("set-setting");
        assertThat(accepted.at("/fix/setting").asText()).isEqualTo("registeredRedirectUri");
        put(
                "/api/connections/" + id + "/diagnosis-settings",
                "nitin",
                Map.of("registeredRedirectUri", accepted.at("/fix/value").asText()));
        JsonNode passed = check(diagnose(id, "nitin"), "redirect-uri");
        assertThat(passed.get("status").asText()).as(passed.toString()).isEqualTo("pass");
        assertThat(passed.get("evidence").asText()).contains("matches the URI recorded as registered");

        // And the connection itself now completes.
        Api.Response again = post("/api/connections/" + id + "/reconnect", token("nitin"), null);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(again.json().get("authorizationUrl").asText()), "trader", "demo1234");
        assertThat(followToCallback(callback).statusCode()).isEqualTo(303);
        awaitConnection(id, "nitin", c -> c.get("state").asText().equals("ACTIVE"), "ACTIVE");
    }

    @Test
    void aWrongClientSecretFailsClientCredentialsAndPassesWithTheCorrectedKeys() {
        String label = "Wrong secret " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode wrong = Connections.create("nitin", label, BROKER_SIM_CLIENT, "not-the-secret")
                .json();
        String id = wrong.get("id").asText();

        JsonNode refused = check(diagnose(id, "nitin"), "client-credentials");
        assertThat(refused.get("status").asText()).isEqualTo("fail");
        assertThat(refused.get("evidence").asText()).contains("refused the client id or secret");
        assertThat(refused.get("guide").asText()).isEqualTo("/diagnostics/guides/keys-rejected#check-the-secret");
        assertThat(refused.at("/fix/action").asText()).isEqualTo("add-connection");
        assertThat(refused.toString()).doesNotContain("not-the-secret");

        // Key and secret swapped are told apart from a wrong secret.
        JsonNode swapped = check(
                oauth(
                        "nitin",
                        Map.of("broker", "broker-sim", "apiKey", BROKER_SIM_SECRET, "apiSecret", BROKER_SIM_CLIENT)),
                "client-credentials");
        assertThat(swapped.get("status").asText()).isEqualTo("fail");
        assertThat(swapped.get("guide").asText()).isEqualTo("/diagnostics/guides/keys-rejected#key-and-secret-swapped");

        // The guide's fix: add the connection again with the corrected keys; its doctor passes the check.
        JsonNode fixed = Connections.createOk("nitin", label + " fixed");
        JsonNode accepted = check(diagnose(fixed.get("id").asText(), "nitin"), "client-credentials");
        assertThat(accepted.get("status").asText()).isEqualTo("pass");
        assertThat(accepted.get("evidence").asText())
                .contains("unauthorized_client")
                .contains("the secret is right");
        assertThat(post("/api/connections/" + id + "/revoke", token("nitin"), null)
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aCodeUsedTwiceIsNamedOnTheConnectionWithItsGuideAndReconnectFixesIt() throws Exception {
        JsonNode created = Connections.createOk(
                "nitin", "Code twice " + UUID.randomUUID().toString().substring(0, 8));
        String id = created.get("id").asText();
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(created.get("authorizationUrl").asText()), "trader", "demo1234");
        // Something used the code before the workspace could (a double submit, a prefetching proxy).
        useCodeElsewhere(Connections.queryParam(callback.toString(), "code"));
        assertThat(followToCallback(callback).statusCode()).isEqualTo(303);

        JsonNode failed = awaitConnection(id, "nitin", c -> c.has("failure"), "a failure");
        assertThat(failed.at("/failure/type").asText()).endsWith("/code-rejected");
        assertThat(failed.at("/failure/detail").asText()).contains("used already or has expired");
        assertThat(failed.at("/failure/guide").asText())
                .isEqualTo("/diagnostics/guides/code-reused-or-expired#code-used-twice");
        assertThat(failed.get("state").asText()).as("the keys are fine").isEqualTo("AWAITING_AUTHORISATION");

        // The same return a second time: refused with the guide section for a used login.
        HttpResponse<String> twice = followToCallback(callback);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(Connections.JSON.readTree(twice.body()).get("guide").asText())
                .isEqualTo("/diagnostics/guides/code-reused-or-expired#login-link-used-or-expired");

        // The guide's fix: Reconnect and log in once.
        Api.Response again = post("/api/connections/" + id + "/reconnect", token("nitin"), null);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        URI fresh = RealServers.keycloak()
                .brokerLogin(URI.create(again.json().get("authorizationUrl").asText()), "trader", "demo1234");
        assertThat(followToCallback(fresh).statusCode()).isEqualTo(303);
        awaitConnection(id, "nitin", c -> c.get("state").asText().equals("ACTIVE"), "ACTIVE");
        assertThat(check(diagnose(id, "nitin"), "token-state").get("status").asText())
                .isEqualTo("pass");
    }

    @Test
    void aLoginAfterAClockJumpFailsClockOffsetWithTheClockSkewSection() {
        // The engine's clock jumps ahead; the broker's does not. The login still completes...
        clock.advance(Duration.ofMinutes(2));
        String id = Connections.connectedOk(
                        "nitin", "Clock jump " + UUID.randomUUID().toString().substring(0, 8))
                .get("id")
                .asText();
        // ...and the doctor names the offset, from the broker's own issue time in the token it handed over.
        JsonNode jumped = check(diagnose(id, "nitin"), "clock-offset");
        assertThat(jumped.get("status").asText()).as(jumped.toString()).isEqualTo("fail");
        assertThat(jumped.get("evidence").asText()).contains("2 min").contains("behind this server's");
        assertThat(jumped.get("guide").asText()).isEqualTo("/diagnostics/guides/code-reused-or-expired#clock-skew");
    }

    @Test
    void aSmallerOffsetWarnsAndNoTokenNorDateHeaderSkips() {
        clock.advance(Duration.ofSeconds(12));
        String id = Connections.connectedOk(
                        "nitin", "Clock drift " + UUID.randomUUID().toString().substring(0, 8))
                .get("id")
                .asText();
        JsonNode drifted = check(diagnose(id, "nitin"), "clock-offset");
        assertThat(drifted.get("status").asText()).as(drifted.toString()).isEqualTo("warn");

        JsonNode unsaved = check(
                oauth(
                        "nitin",
                        Map.of("broker", "broker-sim", "apiKey", BROKER_SIM_CLIENT, "apiSecret", BROKER_SIM_SECRET)),
                "clock-offset");
        assertThat(unsaved.get("status").asText()).isEqualTo("skipped");
        assertThat(unsaved.get("evidence").asText()).contains("no Date header");
    }

    @Test
    void anActiveConnectionPassesEveryCheckThatAppliesInTimeAndItsRunsAreKept() {
        JsonNode active = Connections.connectedOk(
                "nitin", "Doctor " + UUID.randomUUID().toString().substring(0, 8));
        String id = active.get("id").asText();

        JsonNode diagnosis = diagnose(id, "nitin");
        assertThat(ids(diagnosis)).isEqualTo(CHECK_IDS);
        for (JsonNode check : diagnosis.get("checks")) {
            String expected = check.get("id").asText().equals("egress-address") ? "skipped" : "pass";
            assertThat(check.get("status").asText()).as(check.toString()).isEqualTo(expected);
            assertThat(check.get("title").asText()).isNotBlank();
            assertThat(check.get("evidence").asText()).isNotBlank();
            assertThat(check.get("guide").asText())
                    .startsWith("/diagnostics/guides/")
                    .contains("#");
        }
        assertThat(check(diagnosis, "scopes").get("evidence").asText()).contains("needed: openid");
        assertThat(check(diagnosis, "reachability").get("evidence").asText()).contains("token: HTTP");
        assertThat(diagnosis.get("ranAt").asText()).isNotBlank();

        // Egress: the registered static address against this server's address towards the broker.
        put("/api/connections/" + id + "/diagnosis-settings", "nitin", Map.of("registeredAddress", "127.0.0.1"));
        assertThat(check(diagnose(id, "nitin"), "egress-address").get("status").asText())
                .isEqualTo("pass");
        put("/api/connections/" + id + "/diagnosis-settings", "nitin", Map.of("registeredAddress", "203.0.113.7"));
        JsonNode egress = check(diagnose(id, "nitin"), "egress-address");
        assertThat(egress.get("status").asText()).isEqualTo("fail");
        assertThat(egress.get("evidence").asText()).contains("127.0.0.1").contains("203.0.113.7");
        assertThat(egress.get("guide").asText()).isEqualTo("/diagnostics/guides/static-address#compare-addresses");
        assertThat(put(
                                "/api/connections/" + id + "/diagnosis-settings",
                                "nitin",
                                Map.of("registeredAddress", "broker.example.com"))
                        .status())
                .as("an address, never a name to resolve")
                .isEqualTo(400);

        // Timing: p95 of 20 runs, every check run.
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            long started = System.nanoTime();
            diagnose(id, "nitin");
            millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        long p95 = millis.stream().sorted().toList().get(18);
        System.out.println("OAuth doctor over broker-sim: p95 " + p95 + " ms, runs " + millis);
        assertThat(p95).isLessThan(3000);

        JsonNode runs =
                Api.get("/api/connections/" + id + "/diagnoses", token("nitin")).json();
        assertThat(runs.size()).as("the last 20 kept").isEqualTo(20);
        assertThat(runs.get(0).get("ranBy").asText()).isEqualTo("nitin");
        assertThat(ids(runs.get(0))).isEqualTo(CHECK_IDS);
        assertThat(Api.get("/api/audit?size=50", token("nitin")).body()).contains("diagnostics.oauth-checked");

        // Access: another partner does not see it; ops do.
        assertThat(post("/api/connections/" + id + "/diagnose", token("nikhil"), null)
                        .status())
                .isEqualTo(404);
        assertThat(Api.get("/api/connections/" + id + "/diagnoses", token("nikhil"))
                        .status())
                .isEqualTo(404);
        assertThat(post("/api/connections/" + id + "/diagnose", token("omar"), null)
                        .status())
                .isEqualTo(200);
        // Ops' Diagnostics page: every partner's connections, and the history of each.
        assertThat(Api.get("/api/connections", token("omar")).body()).contains(id);
        JsonNode opsRuns =
                Api.get("/api/connections/" + id + "/diagnoses", token("omar")).json();
        assertThat(opsRuns.get(0).get("ranBy").asText()).isEqualTo("omar");

        // Revoked: token-state names it and the checks needing keys step aside.
        assertThat(post("/api/connections/" + id + "/revoke", token("nitin"), null)
                        .status())
                .isEqualTo(202);
        JsonNode revoked = diagnose(id, "nitin");
        assertThat(check(revoked, "token-state").get("status").asText()).isEqualTo("fail");
        assertThat(check(revoked, "token-state").get("guide").asText())
                .isEqualTo("/diagnostics/guides/connection-revoked#what-now");
        assertThat(check(revoked, "client-credentials").get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        Api.Response unknownBroker = post(
                "/api/diagnostics/oauth", token("nitin"), Map.of("broker", "nope", "apiKey", "k", "apiSecret", "s"));
        assertThat(unknownBroker.status()).isEqualTo(400);
        assertThat(unknownBroker.body()).contains("broker");
        Api.Response missingSecret =
                post("/api/diagnostics/oauth", token("nitin"), Map.of("broker", "broker-sim", "apiKey", "k"));
        assertThat(missingSecret.status()).isEqualTo(400);
        assertThat(missingSecret.body()).contains("apiSecret");
        assertThat(post("/api/connections/no-such-connection/diagnose", token("nitin"), null)
                        .status())
                .isEqualTo(404);
    }

    static JsonNode diagnose(String id, String user) {
        Api.Response response = post("/api/connections/" + id + "/diagnose", token(user), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
        return response.json();
    }

    static JsonNode oauth(String user, Map<String, String> settings) {
        Api.Response response = post("/api/diagnostics/oauth", token(user), settings);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode check(JsonNode diagnosis, String id) {
        return StreamSupport.stream(diagnosis.get("checks").spliterator(), false)
                .filter(check -> check.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + diagnosis));
    }

    static List<String> ids(JsonNode diagnosis) {
        return StreamSupport.stream(diagnosis.get("checks").spliterator(), false)
                .map(check -> check.get("id").asText())
                .toList();
    }

    static Api.Response put(String path, String user, Map<String, String> body) {
        Map<String, String> full = new HashMap<>();
        full.put("registeredRedirectUri", null);
        full.put("registeredAddress", null);
        full.putAll(body);
        return Api.send(EngineTest.BASE_URL, path, token(user), request -> {
            try {
                return request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(Connections.JSON.writeValueAsString(full)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The code exchanged at broker-sim's token endpoint by someone else (no PKCE verifier: refused, but used up). */
    private static void useCodeElsewhere(String code) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((BROKER_SIM_CLIENT + ":" + BROKER_SIM_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RealServers.keycloak().url()
                                        + "/realms/broker-sim/protocol/openid-connect/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
                                        + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8)
                                        + "&redirect_uri="
                                        + java.net.URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }
}
