package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static final String RESOURCE = "user/raja";

    @Autowired
    LoginFailureWatch watch;

    @Test
    void fiveFailedLoginsRaiseOneAlertForRajasPartner() throws Exception {
        closeEarlierAlert();
        Api.Response defaults =
                Api.send("/api/alert-preferences", Connections.token("raja"), request -> request.DELETE());
        assertThat(defaults.json().get("customised").asBoolean())
                .as(defaults.body())
                .isFalse();
        int mailsBefore = mailsAboutFailedLogins();
        for (int i = 0; i < LoginFailureWatch.THRESHOLD; i++) {
            assertThat(failedLogin("raja")).isEqualTo(401);
        }

        // The watch's own timer may take these failures first; either way they make one alert.
        watch.check(Instant.now());
        JsonNode alert = awaitOpenAlert();
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
    private static void closeEarlierAlert() {
        JsonNode open = openAlert();
        if (open != null) {
            Connections.post("/api/alerts/" + open.get("id").asText() + "/resolve", Connections.token("raja"), null);
        }
    }

    private static JsonNode awaitOpenAlert() {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode alert;
        while ((alert = openAlert()) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no open login-failures alert for raja");
            }
            Connections.sleep(Duration.ofMillis(250));
        }
        return alert;
    }

    private static JsonNode openAlert() {
        return StreamSupport.stream(
                        Api.get("/api/alerts", Connections.token("raja")).json().spliterator(), false)
                .filter(a -> a.get("resource").asText().equals(RESOURCE))
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
