package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Silences as rows of the real schema (schema.sql on the embedded H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(SilenceStore.class)
class SilenceStoreTest {

    private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

    @Autowired
    SilenceStore store;

    @Test
    void currentSilencesEndSoonestFirstAndEndedOnesAreGone() {
        store.insert("s-late", "nitin", silence("test", null, NOW.plus(Duration.ofHours(5))), NOW, "nitin");
        store.insert("s-soon", "nitin", silence(null, "connection/c-1", NOW.plus(Duration.ofHours(1))), NOW, "nitin");
        store.insert("s-other", "raja", silence("test", null, NOW.plus(Duration.ofHours(1))), NOW, "raja");

        assertThat(store.current("nitin", NOW))
                .extracting(AlertPreferences.Silence::id)
                .containsExactly("s-soon", "s-late");

        store.end("s-soon", NOW);

        assertThat(store.current("nitin", NOW))
                .extracting(AlertPreferences.Silence::id)
                .containsExactly("s-late");
        assertThat(store.find("s-soon")).as("an ended silence is still found").isPresent();
    }

    @Test
    void aSilenceCoversItsTypeAndResourceWhereItNamesThem() {
        store.insert("by-type", "nitin", silence("test", null, NOW.plus(Duration.ofHours(1))), NOW, "nitin");
        store.insert("by-resource", "nitin", silence(null, "test/a-1", NOW.plus(Duration.ofHours(2))), NOW, "nitin");
        store.insert(
                "other-type", "nitin", silence("login-failures", null, NOW.plus(Duration.ofHours(3))), NOW, "nitin");

        assertThat(store.covering(alert("test", "test/a-1"), NOW))
                .extracting(SilenceStore.Covering::endsAt)
                .containsExactlyInAnyOrder(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)));
        assertThat(store.covering(alert("test", "test/a-2"), NOW)).hasSize(1);
        assertThat(store.covering(alert("test", "test/a-1"), NOW.plus(Duration.ofHours(4))))
                .isEmpty();
    }

    @Test
    void theReasonIsKeptWithoutSurroundingSpace() {
        store.insert(
                "s-1",
                "nitin",
                new AlertPreferences.Silence(null, "test", null, "  upgrade  ", NOW.plusSeconds(60)),
                NOW,
                "nitin");
        assertThat(store.find("s-1").orElseThrow().reason()).isEqualTo("upgrade");
    }

    private static AlertPreferences.Silence silence(String type, String resource, Instant until) {
        return new AlertPreferences.Silence(null, type, resource, "maintenance", until);
    }

    private static Alert alert(String type, String resource) {
        return new Alert(
                "a-1",
                "nitin",
                type,
                resource,
                Severity.WARNING,
                "summary",
                Alert.AlertState.OPEN,
                1,
                1,
                NOW,
                NOW,
                null,
                null,
                null,
                null,
                null);
    }
}
