package com.partnerworkspace.alerts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code alert-escalation} and {@code alert-silence}, by the names the models use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertPolicy.class)
class AlertProcessSteps {

    private final Clock clock;

    AlertProcessSteps(Clock clock) {
        this.clock = clock;
    }

    /** Before each level: which tier it is (levels repeat 1, 2, 1, 2, ...) and whether it is quiet time now. */
    @Bean
    ExecutionListener prepareRouting(AlertPreferencesStore preferences) {
        return execution -> {
            execution.setVariable("tier", (level(execution) - 1) % 2 + 1);
            execution.setVariable(
                    "inQuietHours",
                    preferences
                            .of((String) execution.getVariable("partner"))
                            .preferences()
                            .inQuietHours(clock.instant()));
        };
    }

    /**
     * Sends this level on the routed channels, unless the alert was closed meanwhile or is silenced (then
     * it waits for the silence to end instead of the escalation delay).
     */
    @Bean
    JavaDelegate notifyAlertLevel(
            AlertRepository repository,
            AlertDeliveries deliveries,
            AlertMutes mutes,
            AlertPreferencesStore preferences) {
        return execution -> {
            Alert alert = alert(repository, execution);
            boolean open = alert.state() == Alert.AlertState.OPEN;
            execution.setVariable("stillOpen", open);
            if (!open) {
                return;
            }
            Optional<Instant> silencedUntil = mutes.silencedUntil(alert);
            execution.setVariable("silenced", silencedUntil.isPresent());
            if (silencedUntil.isPresent()) {
                Duration left = Duration.between(clock.instant(), silencedUntil.get());
                execution.setVariable(
                        "waitFor", left.plusSeconds(1).withNanos(0).toString());
                return;
            }
            deliveries.deliver(alert, level(execution), (String) execution.getVariable("channels"));
            execution.setVariable(
                    "waitFor",
                    preferences
                            .of(alert.partner())
                            .preferences()
                            .escalationDelays()
                            .of(alert.severity())
                            .toString());
        };
    }

    @Bean
    JavaDelegate escalateAlert(AlertRepository repository) {
        return execution -> {
            int next = level(execution) + 1;
            repository.level(execution.getProcessBusinessKey(), next);
            execution.setVariable("level", next);
        };
    }

    /** Operations are the level after the last partner level. */
    @Bean
    JavaDelegate handAlertToOps(AlertRepository repository) {
        return execution ->
                repository.level(execution.getProcessBusinessKey(), (Integer) execution.getVariable("maxLevel") + 1);
    }

    @Bean
    JavaDelegate tellSilenceEnded(AlertMutes mutes, AlertDeliveries deliveries) {
        return execution -> mutes.find(execution.getProcessBusinessKey())
                .ifPresent(mute -> deliveries.tellPartner(
                        (String) execution.getVariable("partner"),
                        "Alert silence ended: " + describe(mute),
                        "Your silence of " + describe(mute) + " (\"" + mute.reason() + "\") ended at " + mute.until()
                                + ". Alerts for it reach you again."));
    }

    @Bean
    JavaDelegate checkLoginFailures(LoginFailureWatch watch) {
        return execution -> execution.setVariable("alertsRaised", watch.check(clock.instant()));
    }

    private static String describe(AlertPreferences.Mute mute) {
        if (mute.alertType() != null && mute.resource() != null) {
            return mute.alertType() + " alerts for " + mute.resource();
        }
        return mute.alertType() != null ? mute.alertType() + " alerts" : "alerts for " + mute.resource();
    }

    private static Alert alert(AlertRepository repository, DelegateExecution execution) {
        return repository
                .find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no alert " + execution.getProcessBusinessKey()));
    }

    private static int level(DelegateExecution execution) {
        return (Integer) execution.getVariable("level");
    }
}
