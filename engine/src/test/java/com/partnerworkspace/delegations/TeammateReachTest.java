package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.approve;
import static com.partnerworkspace.delegations.Delegations.awaitState;
import static com.partnerworkspace.delegations.Delegations.post;
import static com.partnerworkspace.delegations.Delegations.requestOk;
import static com.partnerworkspace.delegations.Delegations.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team membership alone grants nothing: arjun, on nikhil's team, sees nikhil's connections and alerts
 * (and hears about the alerts) only while a grant covering them is live.
 */
@EngineTest
class TeammateReachTest {

    private static final String ARJUN_MAIL = "arjun@partner-workspace.local";

    @BeforeEach
    void noGrantsForArjun() {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
    }

    @Test
    void aTeammateSeesThePartnersConnectionsAndAlertsOnlyWhileAGrantCoversThem() {
        String connection = Connections.createOk("nikhil", "reach " + UUID.randomUUID())
                .get("id")
                .asText();
        String firstAlert = raiseAlertFor("nikhil");

        assertThat(ids("/api/connections", "arjun")).doesNotContain(connection);
        assertThat(ids("/api/alerts", "arjun")).doesNotContain(firstAlert);
        assertThat(Api.get("/api/alerts/" + firstAlert, token("arjun")).status())
                .isEqualTo(404);
        assertThat(emailRecipientsOf(firstAlert)).doesNotContain(ARJUN_MAIL);

        String grant = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("credentials:view-status", "alerts:manage"),
                                "duration", "PT1H",
                                "justification", "Watches connections and alerts this week"))
                .get("id")
                .asText();
        approve(grant, "priya");
        awaitState(grant, "ACTIVE");

        assertThat(ids("/api/connections", "arjun")).contains(connection);
        assertThat(ids("/api/alerts", "arjun")).contains(firstAlert);
        String secondAlert = raiseAlertFor("nikhil");
        assertThat(emailRecipientsOf(secondAlert)).contains(ARJUN_MAIL);

        Api.Response revoked = post("/api/delegations/" + grant + "/revoke", "nikhil", null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        assertThat(ids("/api/connections", "arjun")).doesNotContain(connection);
        assertThat(ids("/api/alerts", "arjun")).doesNotContain(firstAlert, secondAlert);
        assertThat(emailRecipientsOf(raiseAlertFor("nikhil"))).doesNotContain(ARJUN_MAIL);
        assertThat(MailServer.shared().mailsTo(ARJUN_MAIL))
                .noneMatch(mail -> mail.body().contains(firstAlert));
    }

    private static String raiseAlertFor(String partner) {
        Api.Response raised = post("/api/alerts/test", "omar", Map.of("partner", partner, "severity", "WARNING"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("id").asText();
    }

    /** Who the alert's level-1 email went to, once it was sent (read as ops). */
    private static String emailRecipientsOf(String alert) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode deliveries =
                    Api.get("/api/alerts/" + alert, token("omar")).json().path("deliveries");
            for (JsonNode delivery : deliveries) {
                if (delivery.path("channel").asText().equals("email")
                        && !delivery.path("outcome").asText().equals("PENDING")) {
                    return delivery.path("recipient").asText();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alert " + alert + " was never emailed: " + deliveries);
            }
            Delegations.sleep(Duration.ofMillis(200));
        }
    }

    private static List<String> ids(String path, String user) {
        Api.Response response = Api.get(path, token(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false)
                .map(item -> item.get("id").asText())
                .toList();
    }
}
