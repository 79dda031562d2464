package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.alerts.internal.AlertPreferences.Silence;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A partner's silences. Each one runs {@code alert-silence} (variable {@code muteId}, kept for running
 * instances), which tells the partner when it ends; a silence lifted early ends that process quietly.
 */
@Component
class AlertSilences {

    static final String PROCESS_KEY = "alert-silence";

    private final SilenceStore store;
    private final RuntimeService runtime;
    private final AlertDeliveries deliveries;
    private final AlertMessages messages;
    private final AlertPolicy policy;
    private final Clock clock;

    AlertSilences(
            SilenceStore store,
            RuntimeService runtime,
            AlertDeliveries deliveries,
            AlertMessages messages,
            AlertPolicy policy,
            Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.deliveries = deliveries;
        this.messages = messages;
        this.policy = policy;
        this.clock = clock;
    }

    /** The partner's silences that have not ended, soonest end first. */
    List<Silence> current(String partner) {
        return store.current(partner, clock.instant());
    }

    /**
     * Makes the partner's silences the given ones: those with a known id stay as they are, new ones
     * start, missing ones are lifted. In the caller's transaction.
     */
    void replace(String partner, List<Silence> wanted, String by) {
        List<Silence> existing = current(partner);
        Set<String> kept = new HashSet<>();
        for (Silence silence : wanted) {
            if (silence.id() != null && existing.stream().anyMatch(s -> s.id().equals(silence.id()))) {
                kept.add(silence.id());
            } else {
                start(partner, silence, by);
            }
        }
        boolean lifted = false;
        for (Silence silence : existing) {
            if (!kept.contains(silence.id())) {
                lift(silence.id());
                lifted = true;
            }
        }
        if (lifted) {
            wakeSilencedAlerts(partner);
        }
    }

    /**
     * Until when the alert is silenced, if it is: the latest end of the silences that cover it; a
     * critical alert only within the policy's limit after a silence began.
     */
    Optional<Instant> silencedUntil(Alert alert) {
        Instant now = clock.instant();
        return store.covering(alert, now).stream()
                .map(silence -> alert.severity() == Severity.CRITICAL
                        ? earlier(silence.endsAt(), silence.startsAt().plus(policy.criticalMuteLimit()))
                        : silence.endsAt())
                .filter(now::isBefore)
                .max(Instant::compareTo);
    }

    /** The partner hears that a silence ended (also when it ended just now). */
    void tellEnded(String id, String partner) {
        store.find(id).ifPresent(silence -> deliveries.tellPartner(partner, messages.silenceEnded(silence)));
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

    private void start(String partner, Silence silence, String by) {
        String id = UUID.randomUUID().toString();
        store.insert(id, partner, silence, clock.instant(), by);
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                id,
                Map.of(
                        "muteId",
                        id,
                        "partner",
                        partner,
                        "endsAt",
                        silence.until().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private void lift(String id) {
        store.end(id, clock.instant());
        runtime.createMessageCorrelation("SilenceLifted")
                .processInstanceBusinessKey(id)
                .correlateAll();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
