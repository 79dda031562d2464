package com.partnerworkspace.credentials;

import static com.partnerworkspace.credentials.Connections.BROKER_SIM_CLIENT;
import static com.partnerworkspace.credentials.Connections.awaitConnection;
import static com.partnerworkspace.credentials.Connections.awaitIdle;
import static com.partnerworkspace.credentials.Connections.create;
import static com.partnerworkspace.credentials.Connections.createOk;
import static com.partnerworkspace.credentials.Connections.followToCallback;
import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.queryParam;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Broker connections end to end through the API: the real broker-sim realm of Keycloak as the broker's
 * OAuth server, the real OpenBao for every credential version, the real SMTP server for one-time codes.
 */
@EngineTest
class ConnectionFlowTest {

    @Autowired
    VaultSecrets vault;

    @Test
    void connectRotateRevealShareAndRevoke() {
        JsonNode created = createOk("nitin", "Flow test account");
        String id = created.get("id").asText();
        assertThat(created.get("state").asText()).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(created.get("maskedKey").asText()).isEqualTo("••••pace");
        String authorizationUrl = created.get("authorizationUrl").asText();
        assertThat(authorizationUrl)
                .contains("/realms/broker-sim/")
                .contains("code_challenge_method=S256")
                .contains("client_id=" + BROKER_SIM_CLIENT);
        SecretPath path = new SecretPath("nitin", "connection-" + id);
        assertThat(vault.metadata(path).custom())
                .containsEntry("broker", "broker-sim")
                .containsEntry("createdBy", "nitin");
        assertThat(created.toString()).doesNotContain("broker-sim-secret");

        URI callback = RealServers.keycloak().brokerLogin(URI.create(authorizationUrl), "trader", "demo1234");
        HttpResponse<String> back = followToCallback(callback);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/credentials?connected=" + id);
        JsonNode active = awaitConnection(
                id,
                "nitin",
                c -> c.get("state").asText().equals("ACTIVE")
                        && c.get("activity").isNull(),
                "ACTIVE");
        assertThat(active.get("lastVerificationMillis").asLong()).isNotNegative();
        assertThat(active.get("expiresAt").isNull()).isFalse();
        assertThat(active.get("nextRotationAt").isNull()).isFalse();
        assertThat(vault.metadata(path).currentVersion()).isEqualTo(2);

        HttpResponse<String> replay = followToCallback(callback);
        assertThat(replay.statusCode()).as("a state is single use").isEqualTo(400);
        assertThat(replay.body()).contains("broker-login-state-invalid");

        Api.Response withoutMfa = post("/api/connections/" + id + "/reveal", token("nitin"), null);
        assertThat(withoutMfa.status()).isEqualTo(403);
        assertThat(withoutMfa.body()).contains("mfa-step-up-required");

        Api.Response shareWithoutMfa =
                post("/api/connections/" + id + "/share", token("nitin"), Map.of("recipient", "arjun", "ttl", "PT15M"));
        assertThat(shareWithoutMfa.status()).isEqualTo(403);
        assertThat(shareWithoutMfa.body()).contains("mfa-step-up-required");

        Api.Response rotated = post("/api/connections/" + id + "/rotate", token("nitin"), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(202);
        awaitIdle(id, "nitin");
        assertThat(vault.metadata(path).currentVersion())
                .as("exactly one new version")
                .isEqualTo(3);

        String mfa = RealServers.keycloak().mfaAccessToken("nitin");
        Api.Response revealed = post("/api/connections/" + id + "/reveal", mfa, null);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.raw().headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
        assertThat(revealed.json().at("/values/apiKey").asText()).isEqualTo(BROKER_SIM_CLIENT);
        String accessToken = revealed.json().at("/values/accessToken").asText();
        assertThat(RealServers.keycloak().brokerSimTokenActive(accessToken)).isTrue();

        Api.Response shared =
                post("/api/connections/" + id + "/share", mfa, Map.of("recipient", "arjun", "ttl", "PT15M"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String url = shared.json().get("url").asText();
        String shareToken = url.substring(url.lastIndexOf('/') + 1);
        assertThat(shareToken).doesNotContain(".").matches("[A-Za-z0-9_-]+");
        List<MailServer.Mail> mailsBefore = MailServer.shared().mailsTo("arjun@partner-workspace.local");
        assertThat(Api.send(
                                "/api/shares/" + shareToken + "/code",
                                null,
                                r -> r.POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(202);
        String code = oneTimeCode("arjun@partner-workspace.local", mailsBefore);
        Api.Response wrong = post("/api/shares/" + shareToken + "/open", null, Map.of("code", wrongCode(code)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(4);
        Api.Response opened = post("/api/shares/" + shareToken + "/open", null, Map.of("code", code));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().at("/values/accessToken").asText()).isEqualTo(accessToken);
        assertThat(post("/api/shares/" + shareToken + "/open", null, Map.of("code", code))
                        .status())
                .as("a second open")
                .isEqualTo(410);

        Api.Response revoked = post("/api/connections/" + id + "/revoke", token("nitin"), null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(202);
        assertThat(revoked.json().get("state").asText()).isEqualTo("REVOKED");
        awaitIdle(id, "nitin");
        assertThatThrownBy(() -> vault.metadata(path)).isInstanceOf(VaultSecrets.SecretNotFoundException.class);
        assertThat(RealServers.keycloak().brokerSimTokenActive(accessToken)).isFalse();
        assertThat(post("/api/connections/" + id + "/reveal", mfa, null).status())
                .isEqualTo(409);

        JsonNode audit = Api.get("/api/audit?size=200", token("nitin")).json();
        assertThat(audit.toString())
                .contains("connection.requested", "connection.activated", "credential.rotated", "credential.revealed")
                .contains("credential.share-created", "credential.share-opened", "connection.revoked")
                .doesNotContain(accessToken)
                .doesNotContain("broker-sim-secret");
        assertThat(Api.get("/api/audit/verify", token("omar")).json().get("ok").asBoolean())
                .isTrue();
    }

    /**
     * mukesh starts a connection and hands its broker login link to nikhil, who is logged in at the
     * broker: nikhil's browser (no cookie, or a binding of his own under mukesh's cookie name) completes
     * nothing, exchanges no code and stores no token; it is sent to a page that says so, and the refusal
     * is audited. The login stays open for the browser that started it.
     */
    @Test
    void aBrokerLoginCompletesOnlyInTheBrowserThatStartedIt() {
        Api.Response started = create("mukesh", "Handed-over login", BROKER_SIM_CLIENT, Connections.BROKER_SIM_SECRET);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(started.json().get("authorizationUrl").asText()), "trader", "demo1234");

        HttpResponse<String> withoutCookie = followToCallback(callback, null);
        assertThat(withoutCookie.statusCode()).isEqualTo(303);
        assertThat(withoutCookie.headers().firstValue("Location").orElseThrow())
                .isEqualTo(EngineTest.BASE_URL + "/credentials/login-elsewhere");

        String setCookie = started.raw().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("broker_login_"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no binding cookie in " + started.raw().headers()));
        assertThat(setCookie)
                .contains("Path=/api/brokers/callback")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure"); // the test engine is served over http
        String mukeshsBrowser = setCookie.split(";", 2)[0];
        String nikhilsBinding = Connections.bindingCookie(
                        create("nikhil", "Own login", BROKER_SIM_CLIENT, Connections.BROKER_SIM_SECRET)
                                .raw())
                .orElseThrow();
        String nikhilsBindingUnderMukeshsName = mukeshsBrowser.substring(0, mukeshsBrowser.indexOf('=') + 1)
                + nikhilsBinding.substring(nikhilsBinding.indexOf('=') + 1);
        HttpResponse<String> withAnothersCookie = followToCallback(callback, nikhilsBindingUnderMukeshsName);
        assertThat(withAnothersCookie.statusCode()).isEqualTo(303);
        assertThat(withAnothersCookie.headers().firstValue("Location").orElseThrow())
                .isEqualTo(EngineTest.BASE_URL + "/credentials/login-elsewhere");

        JsonNode untouched = Connections.get(id, "mukesh");
        assertThat(untouched.get("state").asText()).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(untouched.hasNonNull("tokenIssuedAt")).isFalse();
        assertThat(untouched.hasNonNull("failure")).isFalse();
        SecretPath path = new SecretPath("mukesh", "connection-" + id);
        assertThat(vault.metadata(path).currentVersion())
                .as("only the keys, no broker tokens")
                .isEqualTo(1);
        assertThat(Api.get("/api/audit?action=connection.login-refused&size=50", token("mukesh"))
                        .body())
                .contains("connection/" + id)
                .contains("started-in-another-browser");

        HttpResponse<String> starter = followToCallback(callback, mukeshsBrowser);
        assertThat(starter.statusCode()).isEqualTo(303);
        assertThat(starter.headers().firstValue("Location").orElseThrow()).endsWith("/credentials?connected=" + id);
        assertThat(starter.headers().firstValue("Set-Cookie").orElseThrow())
                .as("the binding is dropped once used")
                .startsWith(mukeshsBrowser.substring(0, mukeshsBrowser.indexOf('=') + 1) + ";")
                .contains("Max-Age=0");
        awaitConnection(id, "mukesh", c -> c.get("state").asText().equals("ACTIVE"), "ACTIVE");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        Api.Response unknownBroker = post(
                "/api/connections",
                token("nitin"),
                Map.of("broker", "nope", "label", "x", "apiKey", "k", "apiSecret", "s"));
        assertThat(unknownBroker.status()).isEqualTo(400);
        assertThat(unknownBroker.body()).contains("\"field\":\"broker\"");
        Api.Response missingKeys =
                post("/api/connections", token("nitin"), Map.of("broker", "broker-sim", "label", "x"));
        assertThat(missingKeys.status()).isEqualTo(400);
        assertThat(missingKeys.body()).contains("\"field\":\"apiKey\"").contains("\"field\":\"apiSecret\"");
        Api.Response malformed = create("nitin", "x", "has space", "s");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"apiKey\"");
        Api.Response unknownField = post(
                "/api/connections",
                token("nitin"),
                Map.of("broker", "broker-sim", "label", "x", "apiKey", "k", "apiSecret", "s", "extra", 1));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(Api.get("/api/connections", token("nitin")).body()).doesNotContain("\"label\":\"x\"");

        for (String query : new String[] {"", "?state=", "?state=made-up&code=abc"}) {
            HttpResponse<String> callback =
                    followToCallback(URI.create(EngineTest.BASE_URL + "/api/brokers/callback" + query));
            assertThat(callback.statusCode()).as("callback%s", query).isEqualTo(400);
        }

        JsonNode nitins = createOk("nitin", "Private account");
        assertThat(Api.get("/api/connections/" + nitins.get("id").asText(), token("nikhil"))
                        .status())
                .as("another partner's connection")
                .isEqualTo(404);
        assertThat(post("/api/connections/" + nitins.get("id").asText() + "/revoke", token("nikhil"), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void eachFailureNamesItsOwnStateAndGuide() {
        String unknownClientLabel =
                "Unknown client " + java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonNode unknownClient = create("nitin", unknownClientLabel, "no-such-client", "whatever")
                .json();
        assertThat(unknownClient.get("state").asText()).isEqualTo("KEYS_REJECTED");
        assertThat(unknownClient.at("/failure/guide").asText()).isEqualTo("/diagnostics/guides/keys-rejected");
        assertThat(unknownClient.get("authorizationUrl").isNull())
                .as("nobody is sent to a login that cannot work")
                .isTrue();

        // The requester finds "Fix connection" in the inbox; an unknown decision is refused, cancel ends it.
        String unknownClientId = unknownClient.get("id").asText();
        JsonNode fixTask = StreamSupport.stream(
                        Api.get("/api/tasks", token("nitin")).json().spliterator(), false)
                .filter(task -> task.toString().contains(unknownClientLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Fix connection task for nitin"));
        String taskPath = "/api/tasks/" + fixTask.get("id").asText() + "/complete";
        assertThat(post(taskPath, token("nitin"), Map.of("decision", "later")).status())
                .isEqualTo(400);
        assertThat(post(taskPath, token("nikhil"), Map.of("decision", "cancel")).status())
                .as("another partner")
                .isIn(403, 404);
        assertThat(post(taskPath, token("nitin"), Map.of("decision", "cancel")).status())
                .isEqualTo(204);
        awaitGone(unknownClientId);

        JsonNode rejected = createAndLogIn("nitin", "Wrong secret", "not-the-secret");
        assertThat(rejected.get("state").asText()).isEqualTo("KEYS_REJECTED");
        assertThat(rejected.at("/failure/type").asText()).endsWith("/keys-rejected");

        JsonNode declined = createOk("nitin", "Declined");
        String state = queryParam(declined.get("authorizationUrl").asText(), "state");
        HttpResponse<String> back = followToCallback(URI.create(EngineTest.BASE_URL
                + "/api/brokers/callback?error=access_denied&error_description=User+declined&state=" + state));
        assertThat(back.headers().firstValue("Location").orElseThrow())
                .contains("failed=" + declined.get("id").asText());
        JsonNode afterDecline = Connections.get(declined.get("id").asText(), "nitin");
        assertThat(afterDecline.get("state").asText()).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(afterDecline.at("/failure/guide").asText()).isEqualTo("/diagnostics/guides/access-denied");

        Api.Response rotateDeclined =
                post("/api/connections/" + declined.get("id").asText() + "/rotate", token("nitin"), null);
        assertThat(rotateDeclined.status()).isEqualTo(409);
        assertThat(rotateDeclined.json().get("type").asText()).endsWith("/connection-awaiting-authorisation");
        assertThat(rotateDeclined.json().get("guide").asText()).isEqualTo("/diagnostics/guides/awaiting-authorisation");

        Api.Response again =
                post("/api/connections/" + declined.get("id").asText() + "/reconnect", token("nitin"), null);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(again.json().get("authorizationUrl").asText()), "trader", "demo1234");
        assertThat(followToCallback(callback).statusCode()).isEqualTo(303);
        awaitConnection(
                declined.get("id").asText(),
                "nitin",
                c -> c.get("state").asText().equals("ACTIVE"),
                "ACTIVE");
    }

    private static void awaitGone(String id) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (Api.get("/api/connections/" + id, token("nitin")).status() != 404) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("cancelled onboarding left connection " + id);
            }
            Connections.sleep(Duration.ofMillis(200));
        }
    }

    private static JsonNode createAndLogIn(String user, String label, String secret) {
        Api.Response created = create(user, label, BROKER_SIM_CLIENT, secret);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        URI callback = RealServers.keycloak()
                .brokerLogin(URI.create(created.json().get("authorizationUrl").asText()), "trader", "demo1234");
        HttpResponse<String> back = followToCallback(callback);
        assertThat(back.headers().firstValue("Location").orElseThrow()).contains("failed=" + id);
        return Connections.get(id, user);
    }

    private static String oneTimeCode(String address, List<MailServer.Mail> before) {
        String subject = MailServer.shared()
                .awaitMail(
                        address,
                        mail -> mail.subject().startsWith("Your one-time code") && !before.contains(mail),
                        Duration.ofSeconds(30))
                .subject();
        Matcher code = Pattern.compile("(\\d{6})").matcher(subject);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static String wrongCode(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
