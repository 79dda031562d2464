package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.alerts.AlertRaised.Severity;
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
 * Repeated failed logins: {@value #THRESHOLD} or more {@code LOGIN_ERROR} events for one username
 * within {@link #WINDOW} raise one alert to that user's partner. A failure counts once: only failures
 * newer than the last check can raise again (and a repeat of an open alert only counts).
 */
@Component
class LoginFailureWatch {

    static final int THRESHOLD = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final KeycloakEvents events;
    private final KeycloakDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient db;

    LoginFailureWatch(
            KeycloakEvents events, KeycloakDirectory directory, ApplicationEventPublisher publisher, JdbcClient db) {
        this.events = events;
        this.directory = directory;
        this.publisher = publisher;
        this.db = db;
    }

    /** Returns how many alerts were raised. */
    @Transactional
    public int check(Instant now) {
        Instant checkedUntil = checkedUntil(now.minus(WINDOW));
        Map<String, List<LoginFailure>> byUser = events.loginFailuresBetween(now.minus(WINDOW), now).stream()
                .collect(Collectors.groupingBy(LoginFailure::username));
        int raised = 0;
        for (var entry : byUser.entrySet()) {
            List<LoginFailure> failures = entry.getValue();
            boolean anyNew = failures.stream().anyMatch(failure -> failure.at().isAfter(checkedUntil));
            if (failures.size() >= THRESHOLD && anyNew) {
                var partner = directory.partnerOf(entry.getKey());
                if (partner.isPresent()) {
                    publisher.publishEvent(alert(partner.get(), entry.getKey(), failures.size()));
                    raised++;
                }
            }
        }
        remember(now);
        return raised;
    }

    private static AlertRaised alert(String partner, String username, int count) {
        return new AlertRaised(
                partner,
                "login-failures",
                "user/" + username,
                Severity.WARNING,
                count + " failed logins for " + username + " within " + WINDOW.toMinutes() + " minutes",
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
