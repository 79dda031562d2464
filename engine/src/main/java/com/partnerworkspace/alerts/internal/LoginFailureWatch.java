package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.alerts.AlertThresholds;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.KeycloakEvents;
import com.partnerworkspace.keycloak.KeycloakEvents.LoginFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeated failed logins: the partner's threshold (default 5) of {@code LOGIN_ERROR} events for one
 * username within its window (default 5 minutes, at most {@link #LONGEST_WINDOW}) raise one alert to that
 * user's partner. A failure counts once: only failures newer than the last check can raise again (and a
 * repeat of an open alert only counts).
 */
@Component
class LoginFailureWatch {

    static final Duration LONGEST_WINDOW = Duration.ofMinutes(60);

    private final KeycloakEvents events;
    private final KeycloakDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient db;
    private final AlertPreferencesStore preferences;

    LoginFailureWatch(
            KeycloakEvents events,
            KeycloakDirectory directory,
            ApplicationEventPublisher publisher,
            JdbcClient db,
            AlertPreferencesStore preferences) {
        this.events = events;
        this.directory = directory;
        this.publisher = publisher;
        this.db = db;
        this.preferences = preferences;
    }

    /** Returns how many alerts were raised. */
    @Transactional
    public int check(Instant now) {
        Instant checkedUntil = checkedUntil(now.minus(LONGEST_WINDOW));
        Map<String, List<LoginFailure>> byUser = events.loginFailuresBetween(now.minus(LONGEST_WINDOW), now).stream()
                .collect(Collectors.groupingBy(LoginFailure::username));
        int raised = 0;
        for (var entry : byUser.entrySet()) {
            boolean anyNew =
                    entry.getValue().stream().anyMatch(failure -> failure.at().isAfter(checkedUntil));
            var partner = anyNew ? directory.partnerOf(entry.getKey()) : java.util.Optional.<String>empty();
            if (partner.isEmpty()) {
                continue;
            }
            AlertThresholds limits = preferences.thresholdsOf(partner.get());
            Instant windowStart = now.minus(min(limits.loginFailureWindow(), LONGEST_WINDOW));
            List<LoginFailure> inWindow = entry.getValue().stream()
                    .filter(failure -> failure.at().isAfter(windowStart))
                    .toList();
            boolean newInWindow =
                    inWindow.stream().anyMatch(failure -> failure.at().isAfter(checkedUntil));
            if (inWindow.size() >= limits.loginFailures() && newInWindow) {
                publisher.publishEvent(
                        alert(partner.get(), entry.getKey(), inWindow.size(), limits.loginFailureWindow()));
                raised++;
            }
        }
        remember(now);
        return raised;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static AlertRaised alert(String partner, String username, int count, Duration window) {
        return new AlertRaised(
                partner,
                "login-failures",
                "user/" + username,
                Severity.WARNING,
                count + " failed logins for " + username + " within " + window.toMinutes() + " minutes",
                Map.of("username", username, "failures", String.valueOf(count)));
    }

    private Instant checkedUntil(Instant otherwise) {
        return db.sql("select checked_until from login_failure_watch where id = 1 for update")
                .query((rs, row) -> AlertRepository.instant(rs, "checked_until"))
                .optional()
                .orElse(otherwise);
    }

    private void remember(Instant now) {
        int updated = db.sql("update login_failure_watch set checked_until = :now where id = 1")
                .param("now", AlertRepository.time(now))
                .update();
        if (updated == 0) {
            db.sql("insert into login_failure_watch (id, checked_until) values (1, :now)")
                    .param("now", AlertRepository.time(now))
                    .update();
        }
    }
}
