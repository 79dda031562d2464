package com.partnerworkspace.alerts.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.system.DailyWindow;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a partner wants to be alerted: channels, thresholds per metric, quiet hours (time-zone aware, may
 * cross midnight), the escalation delay per severity and the silences. Field rules are annotations here;
 * the rules that need other fields, the policy, the clock or the outbound-address check are in
 * {@link AlertPreferencesRules}. Both answer in one 400 naming each field.
 */
// The read-only fields of GET may come back on PUT (edit what you read); they are ignored.
@JsonIgnoreProperties({"partner", "customised", "policy"})
record AlertPreferences(
        @NotNull(message = REQUIRED) @Valid Channels channels,
        @NotNull(message = REQUIRED) @Valid Thresholds thresholds,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Left out when there are none") @Valid
        QuietHours quietHours,

        @NotNull(message = REQUIRED) @Valid EscalationDelays escalationDelays,

        // "mutes" is the API's name for the silences, and so the name in field errors (mutes[0].reason).
        @Schema(description = "Silences; on PUT, leave out the id of a new one, and leave a silence out to lift it")
        @Size(max = MOST_SILENCES, message = "must have at most " + MOST_SILENCES + " silences")
        List<@Valid Silence> mutes) {

    static final String REQUIRED = "is required";
    static final int MOST_SILENCES = 50;
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    AlertPreferences {
        mutes = mutes == null ? List.of() : List.copyOf(mutes);
    }

    /**
     * No notifications for an alert type and/or a resource (e.g. {@code connection/<id>}) until
     * {@code until}; critical alerts break through after the policy's limit.
     */
    record Silence(
            @Schema(nullable = true, description = "Set by the engine") @Size(max = InputLimits.ID)
            String id,

            @Schema(nullable = true) @Size(max = InputLimits.NAME)
            String alertType,

            @Schema(nullable = true) @Size(max = InputLimits.RESOURCE)
            String resource,

            @NotBlank(message = "is required: say why alerts are held back") @Size(max = InputLimits.REASON)
            String reason,

            Instant until) {

        boolean covers(String type, String alertResource) {
            return (alertType == null || alertType.equals(type))
                    && (resource == null || resource.equals(alertResource));
        }
    }

    AlertPreferences withoutSilences() {
        return new AlertPreferences(channels, thresholds, quietHours, escalationDelays, List.of());
    }

    AlertPreferences withSilences(List<Silence> current) {
        return new AlertPreferences(channels, thresholds, quietHours, escalationDelays, current);
    }

    record Channels(
            @Size(max = 10)
            List<
                            @NotNull(message = "is not an email address")
                            @Pattern(regexp = EMAIL, message = "is not an email address") @Size(max = InputLimits.EMAIL)
                            String>
                    emails,

            @Size(max = InputLimits.URL) String slackWebhookUrl,

            @Size(max = 10)
            List<
                            @NotNull(message = "must be an E.164 number such as +919812345678")
                            @Pattern(regexp = E164, message = "must be an E.164 number such as +919812345678")
                            @Size(max = InputLimits.ID) String>
                    phones,

            @Pattern(regexp = "|" + EMAIL + "|" + E164, message = "must be an email address or an E.164 phone number")
            @Size(max = InputLimits.EMAIL)
            String backupContact) {

        Channels {
            emails = emails == null ? List.of() : List.copyOf(emails);
            phones = phones == null ? List.of() : List.copyOf(phones);
            slackWebhookUrl = slackWebhookUrl == null ? "" : slackWebhookUrl;
            backupContact = backupContact == null ? "" : backupContact;
        }
    }

    record Thresholds(
            @Min(value = 1, message = "must be between 1 and 168")
            @Max(value = 168, message = "must be between 1 and 168")
            int credentialWarningHours,

            int credentialCriticalHours,

            @Min(value = 2, message = "must be between 2 and 100")
            @Max(value = 100, message = "must be between 2 and 100")
            int loginFailures,

            @Min(value = 1, message = "must be between 1 and 60") @Max(value = 60, message = "must be between 1 and 60")
            int loginFailureWindowMinutes) {}

    /** From {@code from} to {@code to} (HH:mm) in {@code timeZone}; {@code from} after {@code to} crosses midnight. */
    record QuietHours(
            @NotNull(message = "must be a time of day such as 22:00")
            @Pattern(regexp = TIME, message = "must be a time of day such as 22:00")
            @Size(max = InputLimits.ID)
            String from,

            @NotNull(message = "must be a time of day such as 07:00")
            @Pattern(regexp = TIME, message = "must be a time of day such as 07:00")
            @Size(max = InputLimits.ID)
            String to,

            @Size(max = InputLimits.ID) String timeZone) {

        boolean contains(Instant instant) {
            return DailyWindow.parse(from, to, timeZone).contains(instant);
        }
    }

    record EscalationDelays(
            @Size(max = InputLimits.ID) String info,
            @Size(max = InputLimits.ID) String warning,
            @Size(max = InputLimits.ID) String critical) {

        Duration of(Severity severity) {
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
