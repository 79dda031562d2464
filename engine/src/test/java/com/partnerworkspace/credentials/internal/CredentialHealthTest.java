package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credential health scan against a real broker-sim connection (its session ends in 30 minutes): no
 * alert while a scheduled rotation will renew it; a critical one when nothing will; the alert counts
 * repeats, and renewing the credential resolves it.
 */
@EngineTest
class CredentialHealthTest {

    @Autowired
    CredentialHealth health;

    @Autowired
    JdbcClient db;

    @Test
    void aSessionNothingWillRenewRaisesOneAlertThatARotationResolves() {
        String id = Connections.connectedOk("nitin", "Health " + UUID.randomUUID())
                .get("id")
                .asText();
        String resource = "connection/" + id;

        health.scan(Instant.now());
        Connections.sleep(Duration.ofSeconds(1));
        assertThat(alertOf(resource))
                .as("the scheduled rotation renews it in time")
                .isNull();

        db.sql("update broker_connection set next_rotation_at = null where id = :id")
                .param("id", id)
                .update();
        health.scan(Instant.now());
        JsonNode alert = awaitAlert(resource, a -> true, "raised");
        assertThat(alert.get("type").asText()).isEqualTo(CredentialHealth.EXPIRES_SOON);
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("state").asText()).isEqualTo("OPEN");

        health.scan(Instant.now());
        awaitAlert(resource, a -> a.get("count").asInt() == 2, "counted again");

        Api.Response rotated = Connections.post("/api/connections/" + id + "/rotate", Connections.token("nitin"), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(202);
        JsonNode resolved = awaitAlert(resource, a -> a.get("state").asText().equals("RESOLVED"), "resolved");
        assertThat(resolved.get("resolvedBy").asText()).isEqualTo("system");
    }

    private static JsonNode alertOf(String resource) {
        JsonNode list = Api.get("/api/alerts", Connections.token("nitin")).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(a -> a.get("resource").asText().equals(resource))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode awaitAlert(String resource, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode alert = alertOf(resource);
            if (alert != null && condition.test(alert)) {
                return alert;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alert for " + resource + " never " + what + ": " + alert);
            }
            Connections.sleep(Duration.ofMillis(250));
        }
    }
}
