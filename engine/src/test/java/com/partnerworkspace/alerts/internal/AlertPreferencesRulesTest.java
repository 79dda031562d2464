package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/** The preference rules beyond the annotations, without an engine or a Spring context. */
class AlertPreferencesRulesTest {

    private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

    private final AlertPreferencesRules rules = new AlertPreferencesRules(
            url -> url.contains("10.0.0.1") ? Optional.of("must not point to an internal address") : Optional.empty(),
            Duration.ofMinutes(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static final AlertPreferences.Channels CHANNELS =
            new AlertPreferences.Channels(List.of("desk@raja.example"), "", List.of(), "");
    private static final AlertPreferences.Thresholds THRESHOLDS = new AlertPreferences.Thresholds(24, 2, 5, 5);
    private static final AlertPreferences.EscalationDelays DELAYS =
            new AlertPreferences.EscalationDelays("PT2H", "PT30M", "PT5M");

    @Test
    void acceptsSensiblePreferences() {
        assertThat(errorsOf(preferences().p())).isEmpty();
    }

    @Nested
    class SlackWebhook {

        @Test
        void anInternalAddressIsRefusedWithTheCheckersReason() {
            AlertPreferences p =
                    preferences().with(new AlertPreferences.Channels(List.of(), "http://10.0.0.1/hook", List.of(), ""));
            assertThat(errorsOf(p))
                    .containsExactly(Map.entry("channels.slackWebhookUrl", "must not point to an internal address"));
        }

        @Test
        void noWebhookMeansTheWorkspacesAndIsFine() {
            assertThat(errorsOf(preferences().p())).doesNotContainKey("channels.slackWebhookUrl");
        }
    }

    @Nested
    class Thresholds {

        @Test
        void criticalMustComeBeforeWarning() {
            AlertPreferences p = preferences().with(new AlertPreferences.Thresholds(24, 24, 5, 5));
            assertThat(errorsOf(p))
                    .containsExactly(Map.entry(
                            "thresholds.credentialCriticalHours",
                            "must be at least 1 and less than credentialWarningHours"));
        }

        @Test
        void criticalMustBeAtLeastOneHour() {
            AlertPreferences p = preferences().with(new AlertPreferences.Thresholds(24, 0, 5, 5));
            assertThat(errorsOf(p)).containsOnlyKeys("thresholds.credentialCriticalHours");
        }
    }

    @Nested
    class QuietHours {

        @Test
        void fromAndToMustDiffer() {
            AlertPreferences p = preferences().with(new AlertPreferences.QuietHours("22:00", "22:00", "Asia/Kolkata"));
            assertThat(errorsOf(p)).containsExactly(Map.entry("quietHours.to", "must differ from quietHours.from"));
        }

        @Test
        void theTimeZoneMustExist() {
            AlertPreferences p = preferences().with(new AlertPreferences.QuietHours("22:00", "07:00", "Mars/Olympus"));
            assertThat(errorsOf(p))
                    .containsExactly(Map.entry("quietHours.timeZone", "must be a time zone such as Asia/Kolkata"));
        }

        @Test
        void crossingMidnightIsFine() {
            AlertPreferences p = preferences().with(new AlertPreferences.QuietHours("22:00", "07:00", "Europe/London"));
            assertThat(errorsOf(p)).isEmpty();
        }
    }

    @Nested
    class EscalationDelays {

        @Test
        void aDelayMustBeWithinThePolicysShortestAndOneDay() {
            AlertPreferences p = preferences().with(new AlertPreferences.EscalationDelays("P2D", "PT2S", "PT1M"));
            assertThat(errorsOf(p))
                    .containsExactly(
                            Map.entry("escalationDelays.info", "must be between PT1M and P1D"),
                            Map.entry("escalationDelays.warning", "must be between PT1M and P1D"));
        }

        @Test
        void aDelayMustBeAnIsoDuration() {
            AlertPreferences p = preferences().with(new AlertPreferences.EscalationDelays("30 minutes", "PT30M", null));
            assertThat(errorsOf(p))
                    .containsExactly(
                            Map.entry("escalationDelays.info", "must be an ISO-8601 duration such as PT30M"),
                            Map.entry("escalationDelays.critical", "must be an ISO-8601 duration such as PT30M"));
        }
    }

    @Nested
    class Silences {

        @Test
        void aSilenceNamesATypeOrAResource() {
            AlertPreferences p = preferences().with(silence(null, null, NOW.plus(Duration.ofHours(1))));
            assertThat(errorsOf(p))
                    .containsExactly(Map.entry("mutes[0].alertType", "name an alert type, a resource, or both"));
        }

        @Test
        void aNewSilenceEndsInTheFutureAndAtMostThirtyDaysAhead() {
            AlertPreferences p = preferences()
                    .with(
                            silence("test", null, NOW),
                            silence("test", null, NOW.plus(Duration.ofDays(31))),
                            silence("test", null, NOW.plus(Duration.ofDays(30))));
            assertThat(errorsOf(p))
                    .containsExactly(
                            Map.entry("mutes[0].until", "must be in the future"),
                            Map.entry("mutes[1].until", "must be at most 30 days ahead"));
        }

        @Test
        void aRunningSilenceKeepsItsEnd() {
            AlertPreferences p = preferences()
                    .with(new AlertPreferences.Silence("s-1", "test", null, "maintenance", NOW.minusSeconds(1)));
            assertThat(errorsOf(p)).isEmpty();
        }
    }

    @Nested
    class BesideTheAnnotations {

        @Test
        void aFieldAnAnnotationRefusedKeepsThatOneMessage() {
            AlertPreferences p = preferences().with(new AlertPreferences.Thresholds(24, 24, 5, 5));
            Errors errors = new DirectFieldBindingResult(p, "alertPreferences");
            errors.rejectValue("thresholds.credentialCriticalHours", "Min", "an annotation's message");

            rules.validate(p, errors);

            assertThat(errors.getFieldErrors("thresholds.credentialCriticalHours"))
                    .extracting(FieldError::getDefaultMessage)
                    .containsExactly("an annotation's message");
        }

        @Test
        void onlyPreferencesAreJudged() {
            assertThat(rules.supports(AlertPreferences.class)).isTrue();
            assertThat(rules.supports(String.class)).isFalse();
        }
    }

    private Map<String, String> errorsOf(AlertPreferences preferences) {
        Errors errors = new DirectFieldBindingResult(preferences, "alertPreferences");
        rules.validate(preferences, errors);
        return errors.getFieldErrors().stream()
                .collect(Collectors.toMap(
                        FieldError::getField,
                        FieldError::getDefaultMessage,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static Built preferences() {
        return new Built(new AlertPreferences(CHANNELS, THRESHOLDS, null, DELAYS, List.of()));
    }

    private static AlertPreferences.Silence silence(String type, String resource, Instant until) {
        return new AlertPreferences.Silence(null, type, resource, "maintenance", until);
    }

    /** Preferences with one part changed. */
    private record Built(AlertPreferences p) {

        AlertPreferences with(AlertPreferences.Channels channels) {
            return new AlertPreferences(channels, p.thresholds(), p.quietHours(), p.escalationDelays(), p.mutes());
        }

        AlertPreferences with(AlertPreferences.Thresholds thresholds) {
            return new AlertPreferences(p.channels(), thresholds, p.quietHours(), p.escalationDelays(), p.mutes());
        }

        AlertPreferences with(AlertPreferences.QuietHours quietHours) {
            return new AlertPreferences(p.channels(), p.thresholds(), quietHours, p.escalationDelays(), p.mutes());
        }

        AlertPreferences with(AlertPreferences.EscalationDelays delays) {
            return new AlertPreferences(p.channels(), p.thresholds(), p.quietHours(), delays, p.mutes());
        }

        AlertPreferences with(AlertPreferences.Silence... silences) {
            return new AlertPreferences(
                    p.channels(), p.thresholds(), p.quietHours(), p.escalationDelays(), List.of(silences));
        }
    }
}
