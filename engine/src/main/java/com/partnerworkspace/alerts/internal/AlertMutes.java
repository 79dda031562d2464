package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.alerts.internal.AlertPreferences.Mute;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's silences. Each one runs {@code alert-silence}, which tells the partner when it ends; a
 * silence lifted early ends that process quietly.
 */
@Component
class AlertMutes {

    static final String PROCESS_KEY = "alert-silence";

    private final JdbcClient db;
    private final RuntimeService runtime;
    private final AlertPolicy policy;
    private final Clock clock;

    AlertMutes(JdbcClient db, RuntimeService runtime, AlertPolicy policy, Clock clock) {
        this.db = db;
        this.runtime = runtime;
        this.policy = policy;
        this.clock = clock;
    }

    /** The partner's silences that have not ended, soonest end first. */
    List<Mute> current(String partner) {
        return db.sql("select * from alert_mute where partner = :partner and ends_at > :now order by ends_at, id")
                .param("partner", partner)
                .param("now", AlertRepository.time(clock.instant()))
                .query(AlertMutes::mute)
                .list();
    }

    /**
     * Makes the partner's silences the given ones: those with a known id stay as they are, new ones
     * start, missing ones are lifted. In the caller's transaction.
     */
    void replace(String partner, List<Mute> wanted, String by) {
        List<Mute> existing = current(partner);
        Set<String> kept = new HashSet<>();
        for (Mute mute : wanted) {
            if (mute.id() != null && existing.stream().anyMatch(m -> m.id().equals(mute.id()))) {
                kept.add(mute.id());
            } else {
                start(partner, mute, by);
            }
        }
        boolean lifted = false;
        for (Mute mute : existing) {
            if (!kept.contains(mute.id())) {
                lift(mute.id());
                lifted = true;
            }
        }
        if (lifted) {
            wakeSilencedAlerts(partner);
        }
    }

    /**
     * Alerts of the partner waiting out a silence are routed again now; one still covered by another
     * silence simply waits again.
     */
    private void wakeSilencedAlerts(String partner) {
        runtime.createMessageCorrelation("AlertSilenceLifted")
                .processInstanceVariableEquals("partner", partner)
                .processInstanceVariableEquals("silenced", true)
                .correlateAll();
    }

    /**
     * Until when the alert is silenced, if it is: the latest end of the silences that cover it; a
     * critical alert only within the policy's limit after a silence began.
     */
    Optional<Instant> silencedUntil(Alert alert) {
        Instant now = clock.instant();
        return db
                .sql("""
                        select * from alert_mute where partner = :partner and ends_at > :now
                        and (alert_type is null or alert_type = :type) and (resource is null or resource = :resource)""")
                .param("partner", alert.partner())
                .param("now", AlertRepository.time(now))
                .param("type", alert.type())
                .param("resource", alert.resource())
                .query((rs, row) -> {
                    Instant ends = AlertRepository.instant(rs, "ends_at");
                    if (alert.severity() == Severity.CRITICAL) {
                        Instant limit = AlertRepository.instant(rs, "starts_at").plus(policy.criticalMuteLimit());
                        return ends.isBefore(limit) ? ends : limit;
                    }
                    return ends;
                })
                .list()
                .stream()
                .filter(now::isBefore)
                .max(Instant::compareTo);
    }

    /** The silence, also when it has just ended (for the message that says so). */
    Optional<Mute> find(String id) {
        return db.sql("select * from alert_mute where id = :id")
                .param("id", id)
                .query(AlertMutes::mute)
                .optional();
    }

    private static Mute mute(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Mute(
                rs.getString("id"),
                rs.getString("alert_type"),
                rs.getString("resource"),
                rs.getString("reason"),
                AlertRepository.instant(rs, "ends_at"));
    }

    private void start(String partner, Mute mute, String by) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                        insert into alert_mute (id, partner, alert_type, resource, reason, starts_at, ends_at, created_by)
                        values (:id, :partner, :type, :resource, :reason, :starts, :ends, :by)""")
                .param("id", id)
                .param("partner", partner)
                .param("type", mute.alertType())
                .param("resource", mute.resource())
                .param("reason", mute.reason().strip())
                .param("starts", AlertRepository.time(clock.instant()))
                .param("ends", AlertRepository.time(mute.until()))
                .param("by", by)
                .update();
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                id,
                Map.of(
                        "muteId",
                        id,
                        "partner",
                        partner,
                        "endsAt",
                        mute.until()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString()));
    }

    private void lift(String id) {
        db.sql("update alert_mute set ends_at = :now where id = :id")
                .param("now", AlertRepository.time(clock.instant()))
                .param("id", id)
                .update();
        runtime.createMessageCorrelation("SilenceLifted")
                .processInstanceBusinessKey(id)
                .correlateAll();
    }
}
