package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.OutboundTargets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The preference rules Bean Validation cannot say on one field: those across fields, those of the
 * workspace's policy, the clock's, and the outbound-address check of a Slack webhook. Runs after the
 * annotations of {@link AlertPreferences} in the same binding (see {@code AlertPreferencesController}), so
 * one 400 names every field; a field the annotations refused already is not judged again.
 */
@Component
class AlertPreferencesRules implements Validator {

    private static final Duration LONGEST_DELAY = Duration.ofDays(1);
    private static final Duration LONGEST_SILENCE = Duration.ofDays(30);

    private final Function<String, Optional<String>> outboundRefusal;
    private final Duration shortestDelay;
    private final Clock clock;

    @Autowired
    AlertPreferencesRules(OutboundTargets outboundTargets, AlertPolicy policy, Clock clock) {
        this(outboundTargets::refusal, policy.shortestEscalationDelay(), clock);
    }

    /** @param outboundRefusal why the engine may not call a URL, if it may not */
    AlertPreferencesRules(Function<String, Optional<String>> outboundRefusal, Duration shortestDelay, Clock clock) {
        this.outboundRefusal = outboundRefusal;
        this.shortestDelay = shortestDelay;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return AlertPreferences.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        AlertPreferences preferences = (AlertPreferences) target;
        if (preferences.channels() != null) {
            checkSlackWebhook(preferences.channels().slackWebhookUrl(), errors);
        }
        if (preferences.thresholds() != null) {
            checkCriticalBeforeWarning(preferences.thresholds(), errors);
        }
        if (preferences.quietHours() != null) {
            checkQuietHours(preferences.quietHours(), errors);
        }
        if (preferences.escalationDelays() != null) {
            checkDelay("escalationDelays.info", preferences.escalationDelays().info(), errors);
            checkDelay(
                    "escalationDelays.warning", preferences.escalationDelays().warning(), errors);
            checkDelay(
                    "escalationDelays.critical", preferences.escalationDelays().critical(), errors);
        }
        checkSilences(preferences.mutes(), errors);
    }

    /** An early answer; every send checks the address again after resolving it. */
    private void checkSlackWebhook(String url, Errors errors) {
        if (!url.isEmpty()) {
            outboundRefusal.apply(url).ifPresent(problem -> reject("channels.slackWebhookUrl", problem, errors));
        }
    }

    private static void checkCriticalBeforeWarning(AlertPreferences.Thresholds t, Errors errors) {
        if (t.credentialCriticalHours() < 1 || t.credentialCriticalHours() >= Math.max(2, t.credentialWarningHours())) {
            reject(
                    "thresholds.credentialCriticalHours",
                    "must be at least 1 and less than credentialWarningHours",
                    errors);
        }
    }

    private static void checkQuietHours(AlertPreferences.QuietHours quiet, Errors errors) {
        boolean bothTimes = unjudged("quietHours.from", errors) && unjudged("quietHours.to", errors);
        if (bothTimes && quiet.from() != null && quiet.from().equals(quiet.to())) {
            reject("quietHours.to", "must differ from quietHours.from", errors);
        }
        try {
            ZoneId.of(quiet.timeZone() == null ? "" : quiet.timeZone());
        } catch (DateTimeException e) {
            reject("quietHours.timeZone", "must be a time zone such as Asia/Kolkata", errors);
        }
    }

    private void checkDelay(String field, String value, Errors errors) {
        try {
            Duration delay = Duration.parse(value == null ? "" : value);
            if (delay.compareTo(shortestDelay) < 0 || delay.compareTo(LONGEST_DELAY) > 0) {
                reject(field, "must be between " + shortestDelay + " and P1D", errors);
            }
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 duration such as PT30M", errors);
        }
    }

    private void checkSilences(List<AlertPreferences.Silence> silences, Errors errors) {
        Instant now = clock.instant();
        for (int i = 0; i < silences.size(); i++) {
            AlertPreferences.Silence silence = silences.get(i);
            String at = "mutes[" + i + "]";
            if (blank(silence.alertType()) && blank(silence.resource())) {
                reject(at + ".alertType", "name an alert type, a resource, or both", errors);
            }
            if (silence.id() == null) { // a silence that already runs keeps its end
                checkEnd(at + ".until", silence.until(), now, errors);
            }
        }
    }

    private static void checkEnd(String field, Instant until, Instant now, Errors errors) {
        if (until == null || !until.isAfter(now)) {
            reject(field, "must be in the future", errors);
        } else if (until.isAfter(now.plus(LONGEST_SILENCE))) {
            reject(field, "must be at most 30 days ahead", errors);
        }
    }

    /** True when nothing refused the field yet: each field gets one message, as the form shows it. */
    private static boolean unjudged(String field, Errors errors) {
        return !errors.hasFieldErrors(field);
    }

    private static void reject(String field, String message, Errors errors) {
        if (unjudged(field, errors)) {
            errors.rejectValue(field, "invalid", message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
