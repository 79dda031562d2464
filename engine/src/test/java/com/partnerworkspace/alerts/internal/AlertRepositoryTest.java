package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Alerts as rows of the real schema (schema.sql on the embedded H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(AlertRepository.class)
class AlertRepositoryTest {

    private static final Instant AT = Instant.parse("2030-03-04T09:00:00Z");

    @Autowired
    AlertRepository repository;

    @Test
    void anOpenAlertIsFoundByItsKeyAndCountsRepeats() {
        Alert alert = alert("a-1", "nitin", AT);
        repository.insert(alert);

        assertThat(repository.openWithKeyForUpdate(alert.key())).map(Alert::id).contains("a-1");
        repository.repeated("a-1", AT.plusSeconds(60));

        Alert again = repository.find("a-1").orElseThrow();
        assertThat(again.count()).isEqualTo(2);
        assertThat(again.lastSeenAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(again.state()).isEqualTo(Alert.AlertState.OPEN);
    }

    @Test
    void anAlertClosesOnceOnly() {
        repository.insert(alert("a-1", "nitin", AT));

        assertThat(repository.acknowledge("a-1", "nitin", "on it", AT)).isTrue();
        assertThat(repository.acknowledge("a-1", "raja", null, AT)).isFalse();
        assertThat(repository.resolve("a-1", "nitin", AT)).isFalse();

        Alert closed = repository.find("a-1").orElseThrow();
        assertThat(closed.acknowledgedBy()).isEqualTo("nitin");
        assertThat(closed.acknowledgeReason()).isEqualTo("on it");
        assertThat(repository.openWithKeyForUpdate(closed.key())).isEmpty();
    }

    @Test
    void recentAlertsComeNewestFirstPerPartnerOrForAll() {
        repository.insert(alert("a-1", "nitin", AT));
        repository.insert(alert("a-2", "nitin", AT.plusSeconds(10)));
        repository.insert(alert("a-3", "raja", AT.plusSeconds(5)));

        assertThat(repository.recent("nitin", 10)).extracting(Alert::id).containsExactly("a-2", "a-1");
        assertThat(repository.recentOfAll(2)).extracting(Alert::id).containsExactly("a-2", "a-3");
    }

    @Test
    void unresolvedAlertsOfAPartnerSinceAnInstantNewestFirst() {
        repository.insert(alert("old", "nitin", AT.minusSeconds(3600)));
        repository.insert(alert("open", "nitin", AT.plusSeconds(10)));
        repository.insert(alert("acked", "nitin", AT.plusSeconds(20)));
        repository.insert(alert("resolved", "nitin", AT.plusSeconds(30)));
        repository.insert(alert("elsewhere", "raja", AT.plusSeconds(40)));
        repository.acknowledge("acked", "nitin", null, AT.plusSeconds(25));
        repository.resolve("resolved", "nitin", AT.plusSeconds(35));

        assertThat(repository.unresolvedSince("nitin", AT))
                .extracting(Alert::id)
                .containsExactly("acked", "open");
    }

    @Test
    void theLevelIsKept() {
        repository.insert(alert("a-1", "nitin", AT));
        repository.level("a-1", 3);
        assertThat(repository.find("a-1").orElseThrow().level()).isEqualTo(3);
    }

    private static Alert alert(String id, String partner, Instant at) {
        return new Alert(
                id,
                partner,
                "test",
                "test/" + id,
                Severity.WARNING,
                "Something to look at",
                Alert.AlertState.OPEN,
                1,
                1,
                at,
                at,
                null,
                null,
                null,
                null,
                null);
    }
}
