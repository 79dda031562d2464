package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.alerts.internal.Alert.AlertState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private final JdbcClient db;

    AlertRepository(JdbcClient db) {
        this.db = db;
    }

    void insert(Alert a) {
        db.sql("""
                        insert into alert (id, alert_key, partner, type, resource, severity, summary, state, level,
                            repeat_count, raised_at, last_seen_at)
                        values (:id, :key, :partner, :type, :resource, :severity, :summary, 'OPEN', 1, 1, :at, :at)""")
                .param("id", a.id())
                .param("key", a.key())
                .param("partner", a.partner())
                .param("type", a.type())
                .param("resource", a.resource())
                .param("severity", a.severity().name())
                .param("summary", a.summary())
                .param("at", time(a.raisedAt()))
                .update();
    }

    /** The open alert with this key, locked, so two repeats at once count twice and start nothing. */
    Optional<Alert> openWithKeyForUpdate(String key) {
        return db.sql("select * from alert where alert_key = :key and state = 'OPEN' for update")
                .param("key", key)
                .query(AlertRepository::alert)
                .optional();
    }

    void repeated(String id, Instant at) {
        db.sql("update alert set repeat_count = repeat_count + 1, last_seen_at = :at where id = :id")
                .param("at", time(at))
                .param("id", id)
                .update();
    }

    Optional<Alert> find(String id) {
        return db.sql("select * from alert where id = :id")
                .param("id", id)
                .query(AlertRepository::alert)
                .optional();
    }

    List<Alert> recent(String partner, int limit) {
        return db.sql("select * from alert where partner = :partner order by raised_at desc limit :limit")
                .param("partner", partner)
                .param("limit", limit)
                .query(AlertRepository::alert)
                .list();
    }

    /** The partner's open and acknowledged alerts raised since {@code since}, newest first (at most 200). */
    List<Alert> unresolvedSince(String partner, Instant since) {
        return db.sql("""
                        select * from alert where partner = :partner and raised_at >= :since and state <> 'RESOLVED'
                        order by raised_at desc limit 200""")
                .param("partner", partner)
                .param("since", time(since))
                .query(AlertRepository::alert)
                .list();
    }

    /** Every partner's unresolved alerts since then, newest first. */
    List<Alert> unresolvedOfAllSince(Instant since) {
        return db.sql("""
                        select * from alert where raised_at >= :since and state <> 'RESOLVED'
                        order by raised_at desc limit 200""")
                .param("since", time(since))
                .query(AlertRepository::alert)
                .list();
    }

    List<Alert> recentOfAll(int limit) {
        return db.sql("select * from alert order by raised_at desc limit :limit")
                .param("limit", limit)
                .query(AlertRepository::alert)
                .list();
    }

    void level(String id, int level) {
        db.sql("update alert set level = :level where id = :id")
                .param("level", level)
                .param("id", id)
                .update();
    }

    /** Closes an open alert; false when it was closed already (by someone else, or just now). */
    boolean acknowledge(String id, String by, String reason, Instant at) {
        return db.sql("""
                                update alert set state = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledge_reason = :reason,
                                    acknowledged_at = :at where id = :id and state = 'OPEN'""")
                        .param("by", by)
                        .param("reason", reason)
                        .param("at", time(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean resolve(String id, String by, Instant at) {
        return db.sql("""
                                update alert set state = 'RESOLVED', resolved_by = :by, resolved_at = :at
                                where id = :id and state = 'OPEN'""").param("by", by).param("at", time(at)).param("id", id).update() == 1;
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getString("id"),
                rs.getString("partner"),
                rs.getString("type"),
                rs.getString("resource"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("summary"),
                AlertState.valueOf(rs.getString("state")),
                rs.getInt("level"),
                rs.getInt("repeat_count"),
                instant(rs, "raised_at"),
                instant(rs, "last_seen_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledge_reason"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
