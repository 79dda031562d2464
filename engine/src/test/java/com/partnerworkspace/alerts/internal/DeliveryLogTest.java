package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The delivery log against the real schema (schema.sql on the embedded H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(DeliveryLog.class)
class DeliveryLogTest {

    private static final Instant AT = Instant.parse("2030-03-04T09:00:00Z");

    @Autowired
    DeliveryLog log;

    @Test
    void aSendIsClaimedOnceThenLockedAsItWasLeft() {
        assertThat(log.claim("alert-1", 1, "email", "a@x.example", AT)).isTrue();
        assertThat(log.claim("alert-1", 1, "email", "a@x.example", AT)).isFalse();
        assertThat(log.lock("alert-1", 1, "email")).isEqualTo(new DeliveryLog.Row("PENDING", 0));

        log.record("alert-1", 1, "email", new DeliveryLog.Row("FAILED", 1), "attempt 1: could not deliver", AT);

        assertThat(log.lock("alert-1", 1, "email")).isEqualTo(new DeliveryLog.Row("FAILED", 1));
        assertThat(log.claim("alert-1", 2, "email", "a@x.example", AT))
                .as("another level")
                .isTrue();
    }

    @Test
    void aPageOfAlertsReadsEachAlertsLogInOrder() {
        log.claim("alert-1", 1, "slack", "slack", AT.plusSeconds(2));
        log.claim("alert-1", 1, "email", "a@x.example", AT.plusSeconds(1));
        log.claim("alert-2", 1, "sms", "+919812345678", AT);
        log.record("alert-2", 1, "sms", new DeliveryLog.Row("SENT", 0), null, AT);

        var logs = log.ofAlerts(List.of("alert-1", "alert-2", "alert-3"));

        assertThat(logs.get("alert-1"))
                .extracting(DeliveryLog.Delivery::channel)
                .containsExactly("email", "slack");
        assertThat(logs.get("alert-2"))
                .containsExactly(new DeliveryLog.Delivery(1, "sms", "+919812345678", AT, "SENT", null));
        assertThat(logs).doesNotContainKey("alert-3");
        assertThat(log.of("alert-3")).isEmpty();
        assertThat(log.ofAlerts(List.of())).isEmpty();
    }

    @Test
    void longRecipientsAndDetailsAreCutToTheColumn() {
        log.claim("alert-1", 1, "email", "r".repeat(800), AT);
        log.record("alert-1", 1, "email", new DeliveryLog.Row("GAVE_UP", 3), "d".repeat(800), AT);

        DeliveryLog.Delivery delivery = log.of("alert-1").get(0);
        assertThat(delivery.recipient()).hasSize(500);
        assertThat(delivery.detail()).hasSize(500);
    }
}
