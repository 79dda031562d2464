package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.PersonaChannels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code alert-escalation}: which tier a level is, whether it is quiet time, sending a level
 * (or waiting out a silence), escalating and handing over to operations. A level is sent through the
 * delivery log, so a retried notification job sends nothing twice.
 */
@Component
class EscalationSteps {

    /** What a notification did, and how long the process waits before it looks again. */
    record Notified(boolean stillOpen, boolean silenced, Duration waitFor) {

        static final Notified CLOSED = new Notified(false, false, Duration.ZERO);
    }

    private final AlertRepository repository;
    private final AlertDeliveries deliveries;
    private final AlertSilences silences;
    private final AlertPreferencesStore preferences;
    private final ObjectProvider<PersonaChannels> personaChannels;
    private final Clock clock;

    EscalationSteps(
            AlertRepository repository,
            AlertDeliveries deliveries,
            AlertSilences silences,
            AlertPreferencesStore preferences,
            ObjectProvider<PersonaChannels> personaChannels,
            Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.silences = silences;
        this.preferences = preferences;
        this.personaChannels = personaChannels;
        this.clock = clock;
    }

    /** Levels repeat tier 1 (the partner's team), tier 2 (also backup contacts), 1, 2, ... */
    static int tier(int level) {
        return (level - 1) % 2 + 1;
    }

    boolean inQuietHours(String partner) {
        return preferences.of(partner).preferences().inQuietHours(clock.instant());
    }

    /**
     * Sends the level on the routed channels, unless the alert was closed meanwhile or is silenced: then
     * the process waits for the silence to end (a second more, so the silence has surely ended) instead of
     * the partner's escalation delay.
     */
    Notified notifyLevel(String alertId, int level, String channels) {
        Alert alert = alert(alertId);
        if (alert.state() != Alert.AlertState.OPEN) {
            return Notified.CLOSED;
        }
        Optional<Instant> silencedUntil = silences.silencedUntil(alert);
        if (silencedUntil.isPresent()) {
            Duration left = Duration.between(clock.instant(), silencedUntil.get());
            return new Notified(true, true, left.plusSeconds(1).withNanos(0));
        }
        deliveries.deliver(alert, level, channelsFor(alert.partner(), level, channels));
        return new Notified(true, false, escalationDelay(alert));
    }

    /**
     * The routed channels, narrowed for the partner's own tier to their persona's channels while they have
     * not chosen their own (an intraday trader on email and SMS hears no Slack). The backup tier, and a
     * routing that would leave nothing, keep every routed channel: an alert is never dropped by a default.
     */
    String channelsFor(String partner, int level, String routed) {
        if (tier(level) != 1 || preferences.of(partner).customised()) {
            return routed;
        }
        PersonaChannels persona = personaChannels.getIfAvailable();
        List<String> theirs = persona == null ? List.of() : persona.of(partner);
        return narrowed(routed, theirs);
    }

    static String narrowed(String routed, List<String> personaChannels) {
        List<String> kept = Arrays.stream(routed.split(","))
                .map(String::strip)
                .filter(personaChannels::contains)
                .toList();
        return kept.isEmpty() ? routed : String.join(",", kept);
    }

    int escalate(String alertId, int level) {
        int next = level + 1;
        repository.level(alertId, next);
        return next;
    }

    /** Operations are the level after the last partner level. */
    void handToOps(String alertId, int maxLevel) {
        repository.level(alertId, maxLevel + 1);
    }

    private Duration escalationDelay(Alert alert) {
        return preferences.of(alert.partner()).preferences().escalationDelays().of(alert.severity());
    }

    private Alert alert(String id) {
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no alert " + id));
    }
}
