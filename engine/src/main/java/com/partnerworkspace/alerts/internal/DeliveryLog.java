package com.partnerworkspace.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log: one row per (alert, level, channel), the idempotency key of each send. */
@Repository
class DeliveryLog {

    /** One send as the log keeps it; level 0 is a channel test (never logged). */
    record Delivery(int level, String channel, String recipient, Instant at, String outcome, String detail) {}

    /** The state of a send: PENDING, SENT, SKIPPED, FAILED or GAVE_UP, and the failed tries so far. */
    record Row(String outcome, int attempts) {}

    private static final int LONGEST_TEXT = 500;

    private final JdbcClient db;

    DeliveryLog(JdbcClient db) {
        this.db = db;
    }

    /**
     * Creates the row if there is none: then this transaction holds it until it commits (a second node
     * inserting the same key waits, then fails and its job is retried, finding the row). False when the
     * row existed already; {@link #lock} then takes it.
     */
    boolean claim(String alertId, int level, String channel, String recipient, Instant at) {
        return db.sql("""
                        insert into alert_delivery (alert_id, level, channel, recipient, outcome, at, attempts)
                        select :id, :level, :channel, :recipient, 'PENDING', :at, 0
                        where not exists (select 1 from alert_delivery where alert_id = :id and level = :level and channel = :channel)""")
                        .param("id", alertId)
                        .param("level", level)
                        .param("channel", channel)
                        .param("recipient", cut(recipient))
                        .param("at", AlertRepository.time(at))
                        .update()
                == 1;
    }

    Row lock(String alertId, int level, String channel) {
        return db.sql(
                        "select outcome, attempts from alert_delivery where alert_id = :id and level = :level and channel = :channel for update")
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .query((rs, row) -> new Row(rs.getString("outcome"), rs.getInt("attempts")))
                .single();
    }

    void record(String alertId, int level, String channel, Row row, String detail, Instant at) {
        db.sql("""
                        update alert_delivery set outcome = :outcome, detail = :detail, at = :at, attempts = :attempts
                        where alert_id = :id and level = :level and channel = :channel""")
                .param("outcome", row.outcome())
                .param("detail", detail == null ? null : cut(detail))
                .param("at", AlertRepository.time(at))
                .param("attempts", row.attempts())
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .update();
    }

    List<Delivery> of(String alertId) {
        return ofAlerts(List.of(alertId)).getOrDefault(alertId, List.of());
    }

    /** The log of each alert, in one query (a page of alerts reads it once, not once per alert). */
    Map<String, List<Delivery>> ofAlerts(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        return db
                .sql("select * from alert_delivery where alert_id in (:ids) order by alert_id, at, level, channel")
                .param("ids", alertIds)
                .query((rs, row) -> Map.entry(rs.getString("alert_id"), delivery(rs)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getInt("level"),
                rs.getString("channel"),
                rs.getString("recipient"),
                AlertRepository.instant(rs, "at"),
                rs.getString("outcome"),
                rs.getString("detail"));
    }

    private static String cut(String text) {
        return text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) : text;
    }
}
