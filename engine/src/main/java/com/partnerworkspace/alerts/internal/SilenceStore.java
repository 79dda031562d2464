package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.internal.AlertPreferences.Silence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A partner's silences as rows of {@code alert_mute} (the table keeps its first name). */
@Repository
class SilenceStore {

    /** A silence that covers an alert: when it began and when it ends. */
    record Covering(Instant startsAt, Instant endsAt) {}

    private final JdbcClient db;

    SilenceStore(JdbcClient db) {
        this.db = db;
    }

    /** The partner's silences that have not ended at {@code now}, soonest end first. */
    List<Silence> current(String partner, Instant now) {
        return db.sql("select * from alert_mute where partner = :partner and ends_at > :now order by ends_at, id")
                .param("partner", partner)
                .param("now", AlertRepository.time(now))
                .query(SilenceStore::silence)
                .list();
    }

    /** The silences of the alert's partner that cover its type and resource and have not ended. */
    List<Covering> covering(Alert alert, Instant now) {
        return db.sql("""
                        select starts_at, ends_at from alert_mute where partner = :partner and ends_at > :now
                        and (alert_type is null or alert_type = :type) and (resource is null or resource = :resource)""")
                .param("partner", alert.partner())
                .param("now", AlertRepository.time(now))
                .param("type", alert.type())
                .param("resource", alert.resource())
                .query((rs, row) ->
                        new Covering(AlertRepository.instant(rs, "starts_at"), AlertRepository.instant(rs, "ends_at")))
                .list();
    }

    /** The silence, also when it has ended. */
    Optional<Silence> find(String id) {
        return db.sql("select * from alert_mute where id = :id")
                .param("id", id)
                .query(SilenceStore::silence)
                .optional();
    }

    void insert(String id, String partner, Silence silence, Instant startsAt, String by) {
        db.sql("""
                        insert into alert_mute (id, partner, alert_type, resource, reason, starts_at, ends_at, created_by)
                        values (:id, :partner, :type, :resource, :reason, :starts, :ends, :by)""")
                .param("id", id)
                .param("partner", partner)
                .param("type", silence.alertType())
                .param("resource", silence.resource())
                .param("reason", silence.reason().strip())
                .param("starts", AlertRepository.time(startsAt))
                .param("ends", AlertRepository.time(silence.until()))
                .param("by", by)
                .update();
    }

    void end(String id, Instant at) {
        db.sql("update alert_mute set ends_at = :at where id = :id")
                .param("at", AlertRepository.time(at))
                .param("id", id)
                .update();
    }

    private static Silence silence(ResultSet rs, int row) throws SQLException {
        return new Silence(
                rs.getString("id"),
                rs.getString("alert_type"),
                rs.getString("resource"),
                rs.getString("reason"),
                AlertRepository.instant(rs, "ends_at"));
    }
}
