package com.partnerworkspace.alerts.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerworkspace.system.DailyWindow;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
        @Valid Channels channels,
        Thresholds thresholds,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Left out when there are none") @Valid
        QuietHours quietHours,

        @Valid EscalationDelays escalationDelays,

        @Schema(description = "Silences; on PUT, leave out the id of a new one, and leave a silence out to lift it")
        List<@Valid Mute> mutes) {

    AlertPreferences {
        mutes = mutes == null ? List.of() : List.copyOf(mutes);
    }

    /**
     * No notifications for an alert type and/or a resource (e.g. {@code connection/<id>}) until
     * {@code until}; critical alerts break through after the policy's limit.
     */
    record Mute(
            @Schema(nullable = true, description = "Set by the engine") @Size(max = InputLimits.ID)
            String id,

            @Schema(nullable = true) @Size(max = InputLimits.NAME)
            String alertType,

            @Schema(nullable = true) @Size(max = InputLimits.RESOURCE)
            String resource,

            @Size(max = InputLimits.REASON) String reason,
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

    record Channels(
            @Size(max = 10) List<@Size(max = InputLimits.EMAIL) String> emails,
            @Size(max = InputLimits.URL) String slackWebhookUrl,
            @Size(max = 10) List<@Size(max = InputLimits.ID) String> phones,
            @Size(max = InputLimits.EMAIL) String backupContact) {
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
    record QuietHours(
            @Size(max = InputLimits.ID) String from,
            @Size(max = InputLimits.ID) String to,
            @Size(max = InputLimits.ID) String timeZone) {

        boolean contains(Instant instant) {
            return DailyWindow.parse(from, to, timeZone).contains(instant);
        }
    }

    record EscalationDelays(
            @Size(max = InputLimits.ID) String info,
            @Size(max = InputLimits.ID) String warning,
            @Size(max = InputLimits.ID) String critical) {

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
