package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.system.DailyWindow;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Slow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reveal outside the allowed hours still works after the MFA step-up, and raises a critical policy
 * violation for the partner through the raise-alert entry point.
 */
@EngineTest
// An MFA step-up and an alert raised through the engine (about 25 s, mostly the TOTP window): the full tier.
@Slow
class RevealOutsideHoursTest {

    @Autowired
    RevealHours revealHours;

    @Test
    void aRevealOutsideTheAllowedHoursRaisesAPolicyViolation() {
        String id = Connections.connectedOk(
                        "nitin", "Night desk " + UUID.randomUUID().toString().substring(0, 6))
                .get("id")
                .asText();
        DailyWindow usual = revealHours.window();
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        revealHours.use(new DailyWindow(now.plusHours(1), now.plusHours(2), ZoneOffset.UTC));
        try {
            Api.Response revealed = Connections.post(
                    "/api/connections/" + id + "/reveal", RealServers.keycloak().mfaAccessToken("nitin"), null);
            assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        } finally {
            revealHours.use(usual);
        }

        JsonNode alert = awaitAlert("connection/" + id);
        assertThat(alert.get("type").asText()).isEqualTo("policy-violation.reveal-outside-hours");
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("summary").asText()).contains("nitin revealed").contains("outside the allowed hours");
        Connections.post("/api/connections/" + id + "/revoke", Connections.token("nitin"), null);
        Connections.post("/api/alerts/" + alert.get("id").asText() + "/resolve", Connections.token("nitin"), null);
    }

    private static JsonNode awaitAlert(String resource) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = StreamSupport.stream(
                            Api.get("/api/alerts", Connections.token("nitin"))
                                    .json()
                                    .spliterator(),
                            false)
                    .filter(a -> a.get("resource").asText().equals(resource))
                    .filter(a -> a.get("type").asText().startsWith("policy-violation"))
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            Connections.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no policy-violation alert for " + resource);
    }
}
