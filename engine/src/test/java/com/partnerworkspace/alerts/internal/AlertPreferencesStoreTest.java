package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Saved preferences and the defaults of alert-defaults.json, on the real schema (embedded H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
class AlertPreferencesStoreTest {

    @Autowired
    JdbcClient db;

    AlertPreferencesStore store;

    @BeforeEach
    void store() throws Exception {
        store = new AlertPreferencesStore(
                db,
                new ObjectMapper().findAndRegisterModules(),
                Clock.fixed(Instant.parse("2030-03-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aPartnerWhoNeverSavedFollowsThePersonaDefaults() {
        AlertPreferencesStore.Stored nikhil = store.of("nikhil");

        assertThat(nikhil.customised()).isFalse();
        assertThat(nikhil.preferences().quietHours().timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(store.thresholdsOf("raja").credentialWarningBefore()).hasHours(48);
    }

    @Test
    void savedPreferencesAreThePartnersOwnUntilReset() {
        AlertPreferences own = new AlertPreferences(
                new AlertPreferences.Channels(List.of("desk@raja.example"), "", List.of("+919812345678"), ""),
                new AlertPreferences.Thresholds(12, 2, 5, 5),
                null,
                new AlertPreferences.EscalationDelays("PT2H", "PT30M", "PT5M"),
                List.of());

        store.save("raja", own, "raja");

        AlertPreferencesStore.Stored saved = store.of("raja");
        assertThat(saved.customised()).isTrue();
        assertThat(saved.preferences()).isEqualTo(own);

        store.save("raja", own.withSilences(List.of()), "raja");
        assertThat(db.sql("select count(*) from alert_preferences where partner = 'raja'")
                        .query(Integer.class)
                        .single())
                .as("a second save updates the row")
                .isEqualTo(1);

        store.reset("raja");
        assertThat(store.of("raja").customised()).isFalse();
    }
}
