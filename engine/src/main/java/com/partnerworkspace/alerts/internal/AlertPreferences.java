package com.partnerworkspace.alerts.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerworkspace.system.DailyWindow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a partner wants to be alerted: channels, thresholds per metric, quiet hours (time-zone aware, may
 * cross midnight) and the escalation delay per severity.
 */
// The read-only fields of GET may come back on PUT (edit what you read); they are ignored.
@JsonIgnoreProperties({"partner", "customised", "policy"})
record AlertPreferences(
        Channels channels,
        Thresholds thresholds,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Left out when there are none")
        QuietHours quietHours,

        EscalationDelays escalationDelays,

        @Schema(description = "Silences; on PUT, leave out the id of a new one, and leave a silence out to lift it")
        List<Mute> mutes) {

    AlertPreferences {
        mutes = mutes == null ? List.of() : List.copyOf(mutes);
    }

    /**
     * No notifications for an alert type and/or a resource (e.g. {@code connection/<id>}) until
     * {@code until}; critical alerts break through after the policy's limit.
     */
    record Mute(
            @Schema(nullable = true, description = "Set by the engine")
            String id,

            @Schema(nullable = true) String alertType,
            @Schema(nullable = true) String resource,
            String reason,
            Instant until) {

        boolean covers(String type, String alertResource) {
            return (alertType == null || alertType.equals(type))
                    && (resource == null || resource.equals(alertResource));
        }
    }

    AlertPreferences withoutMutes() {
        return new AlertPreferences(channels, thresholds, quietHours, escalationDelays, List.of());
    }

    AlertPreferences withMutes(List<Mute> current) {
        return new AlertPreferences(channels, thresholds, quietHours, escalationDelays, current);
    }

    record Channels(List<String> emails, String slackWebhookUrl, List<String> phones, String backupContact) {
        Channels {
            emails = emails == null ? List.of() : List.copyOf(emails);
            phones = phones == null ? List.of() : List.copyOf(phones);
            slackWebhookUrl = slackWebhookUrl == null ? "" : slackWebhookUrl;
            backupContact = backupContact == null ? "" : backupContact;
        }
    }

    record Thresholds(
            int credentialWarningHours,
            int credentialCriticalHours,
            int loginFailures,
            int loginFailureWindowMinutes) {}

    /** From {@code from} to {@code to} (HH:mm) in {@code timeZone}; {@code from} after {@code to} crosses midnight. */
    record QuietHours(String from, String to, String timeZone) {

        boolean contains(Instant instant) {
            return DailyWindow.parse(from, to, timeZone).contains(instant);
        }
    }

    record EscalationDelays(String info, String warning, String critical) {

        Duration of(com.partnerworkspace.alerts.AlertRaised.Severity severity) {
            return Duration.parse(
                    switch (severity) {
                        case INFO -> info;
                        case WARNING -> warning;
                        case CRITICAL -> critical;
                    });
        }
    }

    boolean inQuietHours(Instant now) {
        return quietHours != null && quietHours.contains(now);
    }
}
