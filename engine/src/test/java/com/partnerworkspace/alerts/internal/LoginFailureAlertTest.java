package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Five failed logins for {@code raja} through Keycloak's real token endpoint raise exactly one alert on
 * Raja's channels; looking again without new failures raises nothing more.
 */
@EngineTest
class LoginFailureAlertTest {

    @Autowired
    LoginFailureWatch watch;

    @Test
    void fiveFailedLoginsRaiseOneAlertForRajasPartner() throws Exception {
        closeEarlierAlert("raja");
        Api.Response defaults =
                Api.send("/api/alert-preferences", Connections.token("raja"), request -> request.DELETE());
        assertThat(defaults.json().get("customised").asBoolean())
                .as(defaults.body())
                .isFalse();
        int mailsBefore = mailsAboutFailedLogins();
        for (int i = 0; i < 5 /* Raja's threshold in processes/alert-defaults.json */; i++) {
            assertThat(failedLogin("raja")).isEqualTo(401);
        }

        // The watch's own timer may take these failures first; either way they make one alert.
        watch.check(Instant.now());
        JsonNode alert = awaitOpenAlert("raja");
        assertThat(alert.get("partner").asText()).isEqualTo("raja");
        assertThat(alert.get("type").asText()).isEqualTo("login-failures");
        assertThat(alert.get("count").asInt()).isEqualTo(1);
        MailServer.shared()
                .awaitMail(
                        "raja@partner-workspace.local",
                        mail -> mail.subject().contains("failed logins for raja"),
                        Duration.ofSeconds(30));

        assertThat(watch.check(Instant.now()))
                .as("the same failures count once")
                .isZero();
        assertThat(mailsAboutFailedLogins()).isEqualTo(mailsBefore + 1);
    }

    private static int failedLogin(String username) throws Exception {
        String form = "grant_type=password&client_id=workspace-cli&username=" + username + "&password="
                + URLEncoder.encode("not-the-password", StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(RealServers.keycloak().issuer() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** A kept test state may hold an open alert of an earlier run; this run starts without one. */
    @Test
    void aPartnersOwnThresholdAndWindowDecide() throws Exception {
        closeEarlierAlert("nikhil");
        JsonNode prefs = Api.get("/api/alert-preferences", Connections.token("nikhil"))
                .json()
                .deepCopy();
        ((ObjectNode) prefs.get("thresholds")).put("loginFailures", 3).put("loginFailureWindowMinutes", 10);
        Api.Response saved = Api.send(
                "/api/alert-preferences",
                Connections.token("nikhil"),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(prefs.toString())));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(failedLogin("nikhil")).isEqualTo(401);
            }
            watch.check(Instant.now());

            JsonNode alert = awaitOpenAlert("nikhil");
            assertThat(alert.get("summary").asText()).contains("failed logins for nikhil within 10 minutes");
        } finally {
            Api.send("/api/alert-preferences", Connections.token("nikhil"), request -> request.DELETE());
        }
    }

    private static void closeEarlierAlert(String user) {
        JsonNode open = openAlert(user);
        if (open != null) {
            Connections.post("/api/alerts/" + open.get("id").asText() + "/resolve", Connections.token(user), null);
        }
    }

    private static JsonNode awaitOpenAlert(String user) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode alert;
        while ((alert = openAlert(user)) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no open login-failures alert for " + user);
            }
            Connections.sleep(Duration.ofMillis(250));
        }
        return alert;
    }

    private static JsonNode openAlert(String user) {
        return StreamSupport.stream(
                        Api.get("/api/alerts", Connections.token(user)).json().spliterator(), false)
                .filter(a -> a.get("resource").asText().equals("user/" + user))
                .filter(a -> a.get("state").asText().equals("OPEN"))
                .findFirst()
                .orElse(null);
    }

    private static int mailsAboutFailedLogins() {
        return (int) MailServer.shared().mailsTo("raja@partner-workspace.local").stream()
                .filter(mail -> mail.subject().contains("failed logins for raja"))
                .count();
    }
}
