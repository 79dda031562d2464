package com.partnerworkspace.alerts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.alerts.AlertThresholds;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each partner's alert preferences: what they saved, or else the defaults of {@code alert-defaults.json}
 * (ops edit it in {@code processes/}; partners who never customised follow its changes).
 */
@Component
class AlertPreferencesStore implements AlertThresholds.Source {

    static final String DEFAULTS = "processes/alert-defaults.json";

    private final JdbcClient db;
    private final ObjectMapper json;
    private final JsonNode defaults;
    private final Clock clock;
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    AlertPreferencesStore(JdbcClient db, ObjectMapper json, Clock clock) throws IOException {
        this.db = db;
        this.json = json;
        try (InputStream file = getClass().getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (file == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            this.defaults = json.readTree(file);
        }
        this.clock = clock;
    }

    /** The partner's preferences and whether they are their own (customised) or the defaults. */
    record Stored(AlertPreferences preferences, boolean customised) {}

    /**
     * Read for every alert level and every routing decision, so kept for {@link #FRESH_FOR}; a change on
     * this node is seen at once, one on another node within that time.
     */
    Stored of(String partner) {
        Cached cached = cache.get(partner);
        if (cached != null && cached.readAt().plus(FRESH_FOR).isAfter(clock.instant())) {
            return cached.stored();
        }
        Stored stored = read(partner);
        cache.put(partner, new Cached(stored, clock.instant()));
        return stored;
    }

    /** Now, and once the change commits (a read in between must not keep the old preferences). */
    private void forget(String partner) {
        cache.remove(partner);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(partner);
                }
            });
        }
    }

    private record Cached(Stored stored, java.time.Instant readAt) {}

    private Stored read(String partner) {
        Optional<String> saved = db.sql("select body from alert_preferences where partner = :partner")
                .param("partner", partner)
                .query(String.class)
                .optional();
        try {
            if (saved.isPresent()) {
                return new Stored(json.readValue(saved.get(), AlertPreferences.class), true);
            }
            return new Stored(json.treeToValue(defaultsFor(partner), AlertPreferences.class), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable alert preferences of " + partner, e);
        }
    }

    @Override
    public AlertThresholds thresholdsOf(String partner) {
        AlertPreferences.Thresholds t = of(partner).preferences().thresholds();
        return new AlertThresholds(
                Duration.ofHours(t.credentialWarningHours()),
                Duration.ofHours(t.credentialCriticalHours()),
                t.loginFailures(),
                Duration.ofMinutes(t.loginFailureWindowMinutes()));
    }

    void save(String partner, AlertPreferences preferences, String by) {
        forget(partner);
        String body;
        try {
            body = json.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int updated = db.sql(
                        "update alert_preferences set body = :body, updated_by = :by, updated_at = :at where partner = :partner")
                .param("body", body)
                .param("by", by)
                .param("at", AlertRepository.time(clock.instant()))
                .param("partner", partner)
                .update();
        if (updated == 0) {
            db.sql(
                            "insert into alert_preferences (partner, body, updated_by, updated_at) values (:partner, :body, :by, :at)")
                    .param("partner", partner)
                    .param("body", body)
                    .param("by", by)
                    .param("at", AlertRepository.time(clock.instant()))
                    .update();
        }
    }

    void reset(String partner) {
        forget(partner);
        db.sql("delete from alert_preferences where partner = :partner")
                .param("partner", partner)
                .update();
    }

    /** The defaults with the partner's persona entry laid over them, field group by field group. */
    private JsonNode defaultsFor(String partner) {
        ObjectNode merged = ((ObjectNode) defaults.get("default")).deepCopy();
        JsonNode persona = defaults.path("partners").path(partner);
        persona.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }
}
