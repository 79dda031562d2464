package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.OutboundTargets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks preferences before anything is saved; every problem is named by its field. */
@Component
class AlertPreferencesValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Duration LONGEST_DELAY = Duration.ofDays(1);
    private static final Duration LONGEST_MUTE = Duration.ofDays(30);
    private static final int MOST_MUTES = 50;

    private final OutboundTargets outboundTargets;
    private final Duration shortestDelay;
    private final Clock clock;

    AlertPreferencesValidator(OutboundTargets outboundTargets, AlertPolicy policy, Clock clock) {
        this.outboundTargets = outboundTargets;
        this.shortestDelay = policy.shortestEscalationDelay();
        this.clock = clock;
    }

    void validate(AlertPreferences preferences) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (preferences.channels() == null) {
            errors.put("channels", "is required");
        } else {
            checkChannels(preferences.channels(), errors);
        }
        if (preferences.thresholds() == null) {
            errors.put("thresholds", "is required");
        } else {
            checkThresholds(preferences.thresholds(), errors);
        }
        if (preferences.quietHours() != null) {
            checkQuietHours(preferences.quietHours(), errors);
        }
        if (preferences.escalationDelays() == null) {
            errors.put("escalationDelays", "is required");
        } else {
            checkDelay("escalationDelays.info", preferences.escalationDelays().info(), errors);
            checkDelay(
                    "escalationDelays.warning", preferences.escalationDelays().warning(), errors);
            checkDelay(
                    "escalationDelays.critical", preferences.escalationDelays().critical(), errors);
        }
        checkMutes(preferences.mutes(), errors);
        if (!errors.isEmpty()) {
            throw AlertRefusedException.invalid(errors);
        }
    }

    private void checkMutes(List<AlertPreferences.Mute> mutes, Map<String, String> errors) {
        if (mutes.size() > MOST_MUTES) {
            errors.put("mutes", "must have at most " + MOST_MUTES + " silences");
        }
        Instant now = clock.instant();
        for (int i = 0; i < mutes.size(); i++) {
            AlertPreferences.Mute mute = mutes.get(i);
            String at = "mutes[" + i + "]";
            if (mute == null) {
                errors.put(at, "is required");
                continue;
            }
            if (blank(mute.alertType()) && blank(mute.resource())) {
                errors.put(at + ".alertType", "name an alert type, a resource, or both");
            }
            checkLength(at + ".alertType", mute.alertType(), 200, errors);
            checkLength(at + ".resource", mute.resource(), 300, errors);
            if (blank(mute.reason())) {
                errors.put(at + ".reason", "is required: say why alerts are held back");
            } else {
                checkLength(at + ".reason", mute.reason(), 500, errors);
            }
            if (mute.id() == null) { // a silence that already runs keeps its end
                if (mute.until() == null || !mute.until().isAfter(now)) {
                    errors.put(at + ".until", "must be in the future");
                } else if (mute.until().isAfter(now.plus(LONGEST_MUTE))) {
                    errors.put(at + ".until", "must be at most 30 days ahead");
                }
            }
        }
    }

    private static void checkLength(String field, String value, int most, Map<String, String> errors) {
        if (value != null && value.length() > most) {
            errors.put(field, "must be at most " + most + " characters");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void checkChannels(AlertPreferences.Channels channels, Map<String, String> errors) {
        List<String> emails = channels.emails();
        for (int i = 0; i < emails.size(); i++) {
            if (emails.get(i) == null || !EMAIL.matcher(emails.get(i)).matches()) {
                errors.put("channels.emails[" + i + "]", "is not an email address");
            }
        }
        List<String> phones = channels.phones();
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i) == null || !E164.matcher(phones.get(i)).matches()) {
                errors.put("channels.phones[" + i + "]", "must be an E.164 number such as +919812345678");
            }
        }
        if (!channels.slackWebhookUrl().isEmpty()) {
            // An early answer; every send checks the address again after resolving it.
            outboundTargets
                    .refusal(channels.slackWebhookUrl())
                    .ifPresent(problem -> errors.put("channels.slackWebhookUrl", problem));
        }
        String backup = channels.backupContact();
        if (!backup.isEmpty()
                && !EMAIL.matcher(backup).matches()
                && !E164.matcher(backup).matches()) {
            errors.put("channels.backupContact", "must be an email address or an E.164 phone number");
        }
    }

    private static void checkThresholds(AlertPreferences.Thresholds t, Map<String, String> errors) {
        if (t.credentialWarningHours() < 1 || t.credentialWarningHours() > 168) {
            errors.put("thresholds.credentialWarningHours", "must be between 1 and 168");
        }
        if (t.credentialCriticalHours() < 1 || t.credentialCriticalHours() >= Math.max(2, t.credentialWarningHours())) {
            errors.put("thresholds.credentialCriticalHours", "must be at least 1 and less than credentialWarningHours");
        }
        if (t.loginFailures() < 2 || t.loginFailures() > 100) {
            errors.put("thresholds.loginFailures", "must be between 2 and 100");
        }
        if (t.loginFailureWindowMinutes() < 1 || t.loginFailureWindowMinutes() > 60) {
            errors.put("thresholds.loginFailureWindowMinutes", "must be between 1 and 60");
        }
    }

    private static void checkQuietHours(AlertPreferences.QuietHours quiet, Map<String, String> errors) {
        if (quiet.from() == null || !TIME.matcher(quiet.from()).matches()) {
            errors.put("quietHours.from", "must be a time of day such as 22:00");
        }
        if (quiet.to() == null || !TIME.matcher(quiet.to()).matches()) {
            errors.put("quietHours.to", "must be a time of day such as 07:00");
        } else if (quiet.from() != null && quiet.from().equals(quiet.to())) {
            errors.put("quietHours.to", "must differ from quietHours.from");
        }
        try {
            ZoneId.of(quiet.timeZone() == null ? "" : quiet.timeZone());
        } catch (DateTimeException e) {
            errors.put("quietHours.timeZone", "must be a time zone such as Asia/Kolkata");
        }
    }

    private void checkDelay(String field, String value, Map<String, String> errors) {
        try {
            Duration delay = Duration.parse(value == null ? "" : value);
            if (delay.compareTo(shortestDelay) < 0 || delay.compareTo(LONGEST_DELAY) > 0) {
                errors.put(field, "must be between " + shortestDelay + " and P1D");
            }
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an ISO-8601 duration such as PT30M");
        }
    }
}
