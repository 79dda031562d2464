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
import com.partnerworkspace.testsupport.LogCapture;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Broker connections end to end through the API: the real broker-sim realm of Keycloak as the broker's
 * OAuth server, the real OpenBao for every credential version, the real SMTP server for one-time codes.
 */
@EngineTest
// A flow through real Keycloak, OpenBao and the broker simulator with MFA step-ups (about 40 s): the full tier; the
// fast tier has the slices of the credentials API.
@Slow
class ConnectionFlowTest {

    private static final int CODE_ATTEMPTS = 5;

    @Autowired
    VaultSecrets vault;

    @Autowired
    JdbcClient db;

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
        assertThat(vault.metadata(path).custom().get("expiresAt"))
                .as("Vault's metadata names the rotated session's expiry")
                .isEqualTo(Connections.get(id, "nitin").get("expiresAt").asText());

        String mfa = RealServers.keycloak().mfaAccessToken("nitin");
        Api.Response revealed = post("/api/connections/" + id + "/reveal", mfa, null);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.raw().headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
        assertThat(revealed.json().at("/values/apiKey").asText()).isEqualTo(BROKER_SIM_CLIENT);
        String accessToken = revealed.json().at("/values/accessToken").asText();
        assertThat(RealServers.keycloak().brokerSimTokenActive(accessToken)).isTrue();

        Api.Response toAnotherPartnersPerson =
                post("/api/connections/" + id + "/share", mfa, Map.of("recipient", "arjun", "ttl", "PT15M"));
        assertThat(toAnotherPartnersPerson.status())
                .as("arjun is on nikhil's team, not one of nitin's people")
                .isEqualTo(400);
        assertThat(toAnotherPartnersPerson.body()).contains("\"field\":\"recipient\"");
        String outside = "auditor-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@outside.example";
        Api.Response shared =
                post("/api/connections/" + id + "/share", mfa, Map.of("outsideEmail", outside, "ttl", "PT15M"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        assertThat(shared.json().get("recipient").asText()).isEqualTo(outside);
        String url = shared.json().get("url").asText();
        String shareToken = url.substring(url.lastIndexOf('/') + 1);
        assertThat(shareToken).doesNotContain(".").matches("[A-Za-z0-9_-]+");
        List<MailServer.Mail> mailsBefore = MailServer.shared().mailsTo(outside);
        assertThat(requestCode(shareToken).status()).isEqualTo(202);
        String code = oneTimeCode(outside, mailsBefore);
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
                .contains("credential.share-created-outside", outside, "credential.share-opened", "connection.revoked")
                .doesNotContain("\"recipient\":\"arjun\"")
                .doesNotContain(accessToken)
                .doesNotContain("broker-sim-secret");
        assertThat(Api.get("/api/audit/verify", token("omar")).json().get("ok").asBoolean())
                .isTrue();
    }

    /**
     * Point 7: a share goes to the partner's own people, and an outside address only when named on purpose.
     * Point 4: the link opens nothing in Vault by itself, the database keeps nothing that does, the one-time
     * code reaches no log, posting the link where bot links are opened neither burns it nor fails with a 500,
     * and a link takes 5 wrong codes in its whole life, however many codes are asked for and however many
     * guesses arrive at once.
     */
    @Test
    void aShareGoesToThePartnersPeopleAndTakesFiveWrongCodesInAll() throws Exception {
        String id = Connections.connectedOk(
                        "nikhil",
                        "Share limits " + java.util.UUID.randomUUID().toString().substring(0, 8))
                .get("id")
                .asText();
        String mfa = RealServers.keycloak().mfaAccessToken("nikhil");
        String sharePath = "/api/connections/" + id + "/share";

        Api.Response toMukesh = post(sharePath, mfa, Map.of("recipient", "mukesh", "ttl", "PT15M"));
        assertThat(toMukesh.status()).as("another partner").isEqualTo(400);
        assertThat(toMukesh.contentType()).startsWith("application/problem+json");
        assertThat(toMukesh.body()).contains("\"field\":\"recipient\"");
        Api.Response toNobody = post(sharePath, mfa, Map.of("recipient", "no-such-user", "ttl", "PT15M"));
        assertThat(toNobody.json().get("errors"))
                .as("one answer for someone else's and for nobody")
                .isEqualTo(toMukesh.json().get("errors"));
        Api.Response both =
                post(sharePath, mfa, Map.of("recipient", "arjun", "outsideEmail", "a@outside.example", "ttl", "PT15M"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("\"field\":\"outsideEmail\"");
        assertThat(db.sql("select count(*) from credential_share where connection_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("nothing created")
                .isZero();

        Api.Response shared = post(sharePath, mfa, Map.of("recipient", "arjun", "ttl", "PT15M"));
        assertThat(shared.status()).as("a teammate of the partner").isEqualTo(201);
        String url = shared.json().get("url").asText();
        String linkId = url.substring(url.lastIndexOf('/') + 1);

        assertThat(vaultUnwrapStatus(linkId)).as("the link's id").isIn(400, 403);
        assertThat(vaultUnwrapStatus(base64UrlDecoded(linkId)))
                .as("the link's id decoded")
                .isIn(400, 403);
        for (String stored : storedValuesOfShares(id)) {
            assertThat(vaultUnwrapStatus(stored))
                    .as("a value the engine stored")
                    .isIn(400, 403);
        }

        for (String posted : List.of(linkId, base64UrlDecoded(linkId))) {
            Api.Response asBotLink = post("/api/delegations/bot-secret", token("mukesh"), Map.of("token", posted));
            assertThat(asBotLink.status())
                    .as("a share link posted as a bot link")
                    .isIn(400, 403, 404, 410);
            assertThat(asBotLink.contentType()).startsWith("application/problem+json");
        }

        String arjun = "arjun@partner-workspace.local";
        List<MailServer.Mail> before = MailServer.shared().mailsTo(arjun);
        String firstCode;
        try (LogCapture logs = LogCapture.start()) {
            assertThat(requestCode(linkId).status()).isEqualTo(202);
            firstCode = oneTimeCode(arjun, before);
            assertThat(logs.messages())
                    .as("the email was logged")
                    .anyMatch(message -> message.startsWith("Email sent to 1 address(es)"));
            assertThat(logs.messages()).noneMatch(message -> message.contains(firstCode));
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Api.Response>> guesses = new ArrayList<>();
        List<Future<Api.Response>> codeRequests = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                guesses.add(pool.submit(
                        () -> post("/api/shares/" + linkId + "/open", null, Map.of("code", wrongCode(firstCode)))));
                if (i % 7 == 3) {
                    codeRequests.add(pool.submit(() -> requestCode(linkId)));
                }
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> guess : guesses) {
                answers.add(guess.get(60, TimeUnit.SECONDS));
            }
            for (Future<Api.Response> request : codeRequests) {
                assertThat(request.get(60, TimeUnit.SECONDS).status()).isIn(202, 410);
            }
            assertThat(answers)
                    .as("wrong codes counted")
                    .filteredOn(
                            answer -> answer.status() == 400 && answer.body().contains("invalid-share-code"))
                    .hasSize(CODE_ATTEMPTS);
            assertThat(answers)
                    .filteredOn(answer -> answer.status() != 400)
                    .allMatch(answer -> answer.status() == 410, "the others find the link burnt (410)");
        } finally {
            pool.shutdownNow();
        }

        Connections.sleep(Duration.ofSeconds(1));
        for (MailServer.Mail mail : MailServer.shared().mailsTo(arjun)) {
            if (!before.contains(mail) && mail.subject().startsWith("Your one-time code")) {
                String code = codeIn(mail);
                assertThat(post("/api/shares/" + linkId + "/open", null, Map.of("code", code))
                                .status())
                        .as("the right code after the fifth wrong one")
                        .isEqualTo(410);
            }
        }
        assertThat(requestCode(linkId).status()).isEqualTo(410);
        assertThat(storedValuesOfShares(id)).noneMatch(value -> value.startsWith("vault:"));
        assertThat(Api.get("/api/audit?size=200", token("nikhil")).body())
                .contains("credential.share-created", "credential.share-burnt");
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
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String unknownClientLabel = "Unknown client " + run;
        String wrongKey = "no-such-client-" + run;
        String wrongSecret = "wrong-secret-" + run;
        JsonNode unknownClient =
                create("nitin", unknownClientLabel, wrongKey, wrongSecret).json();
        assertThat(unknownClient.get("state").asText()).isEqualTo("KEYS_REJECTED");
        assertThat(unknownClient.at("/failure/guide").asText())
                .isEqualTo("/diagnostics/guides/keys-rejected#check-the-secret");
        assertThat(unknownClient.get("authorizationUrl").isNull())
                .as("nobody is sent to a login that cannot work")
                .isTrue();

        // The requester finds "Fix connection" in the inbox; an unknown decision is refused, cancel ends it.
        String unknownClientId = unknownClient.get("id").asText();
        JsonNode fixTask = StreamSupport.stream(
                        Api.get("/api/tasks?sort=created,desc&size=200", token("nitin"))
                                .json()
                                .get("content")
                                .spliterator(),
                        false)
                .filter(task -> task.toString().contains(unknownClientLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Fix connection task for nitin"));
        // No secret in a failure: neither the rejected key nor the secret, wherever the failure shows.
        String shownConnection =
                Api.get("/api/connections/" + unknownClientId, token("nitin")).body();
        String shownTask = Api.get("/api/tasks/" + fixTask.get("id").asText(), token("nitin"))
                .body();
        assertThat(unknownClient.at("/failure/detail").asText()).isNotBlank();
        for (String shown : List.of(unknownClient.toString(), shownConnection, fixTask.toString(), shownTask)) {
            assertThat(shown).doesNotContain(wrongKey).doesNotContain(wrongSecret);
        }
        assertThat(Api.get("/api/audit?size=200", token("nitin")).body())
                .doesNotContain(wrongKey)
                .doesNotContain(wrongSecret);
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
        assertThat(afterDecline.at("/failure/guide").asText())
                .isEqualTo("/diagnostics/guides/access-denied#what-to-do");

        Api.Response rotateDeclined =
                post("/api/connections/" + declined.get("id").asText() + "/rotate", token("nitin"), null);
        assertThat(rotateDeclined.status()).isEqualTo(409);
        assertThat(rotateDeclined.json().get("type").asText()).endsWith("/connection-awaiting-authorisation");
        assertThat(rotateDeclined.json().get("guide").asText())
                .isEqualTo("/diagnostics/guides/awaiting-authorisation#finish-the-login");

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

    static Api.Response requestCode(String linkId) {
        return Api.send(
                "/api/shares/" + linkId + "/code",
                null,
                r -> r.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    /** The code from the body of the newest code mail; the subject never carries it. */
    static String oneTimeCode(String address, List<MailServer.Mail> before) {
        MailServer.Mail mail = MailServer.shared()
                .awaitMail(
                        address,
                        m -> m.subject().startsWith("Your one-time code") && !before.contains(m),
                        Duration.ofSeconds(30));
        assertThat(mail.subject()).doesNotContainPattern("\\d{6}");
        Matcher code = Pattern.compile("(\\d{6})").matcher(mail.body());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static String codeIn(MailServer.Mail mail) {
        Matcher code = Pattern.compile("(\\d{6})").matcher(mail.body());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** What OpenBao answers when {@code candidate} is presented as a wrapping token to unwrap. */
    private static int vaultUnwrapStatus(String candidate) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(RealServers.openBao().url() + "/v1/sys/wrapping/unwrap"))
                                    .header("X-Vault-Token", candidate)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link id read as base64url text (what the old links were), when it decodes to printable text. */
    private static String base64UrlDecoded(String linkId) {
        String decoded = new String(Base64.getUrlDecoder().decode(linkId), StandardCharsets.ISO_8859_1);
        return decoded.chars().allMatch(c -> c > 32 && c < 127) ? decoded : linkId;
    }

    /** Every text the engine keeps about the connection's share links. */
    private List<String> storedValuesOfShares(String connectionId) {
        return db
                .sql("select * from credential_share where connection_id = :id")
                .param("id", connectionId)
                .query()
                .listOfRows()
                .stream()
                .flatMap(row -> row.values().stream())
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .filter(value -> !value.isBlank())
                .toList();
    }

    private static String wrongCode(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
