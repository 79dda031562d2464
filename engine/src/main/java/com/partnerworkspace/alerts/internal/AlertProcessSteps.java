package com.partnerworkspace.alerts.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code alert-escalation}, by the names the model uses. */
@Configuration(proxyBeanMethods = false)
class AlertProcessSteps {

    /** Sends this level on the routed channels, unless the alert was closed meanwhile. */
    @Bean
    JavaDelegate notifyAlertLevel(AlertRepository repository, AlertDeliveries deliveries) {
        return execution -> {
            Alert alert = alert(repository, execution);
            boolean open = alert.state() == Alert.AlertState.OPEN;
            execution.setVariable("stillOpen", open);
            if (open) {
                deliveries.deliver(alert, level(execution), (String) execution.getVariable("channels"));
            }
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

    @Bean
    JavaDelegate handAlertToOps(AlertRepository repository) {
        return execution -> repository.level(execution.getProcessBusinessKey(), 3);
    }

    @Bean
    JavaDelegate checkLoginFailures(LoginFailureWatch watch) {
        return execution -> execution.setVariable("alertsRaised", watch.check(java.time.Instant.now()));
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
