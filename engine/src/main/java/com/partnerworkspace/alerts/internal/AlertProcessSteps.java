package com.partnerworkspace.alerts.internal;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code alert-escalation}, {@code alert-silence} and {@code login-failure-watch}, by the
 * names the models use. Each maps variables to one call of a step, where the logic and its tests live.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertPolicy.class)
class AlertProcessSteps {

    /** Before each level: which tier it is and whether it is quiet time now (inputs of alert-routing). */
    @Bean
    ExecutionListener prepareRouting(EscalationSteps steps) {
        return execution -> {
            execution.setVariable("tier", EscalationSteps.tier(level(execution)));
            execution.setVariable("inQuietHours", steps.inQuietHours(partner(execution)));
        };
    }

    @Bean
    JavaDelegate notifyAlertLevel(EscalationSteps steps) {
        return execution -> {
            EscalationSteps.Notified notified =
                    steps.notifyLevel(id(execution), level(execution), (String) execution.getVariable("channels"));
            execution.setVariable("stillOpen", notified.stillOpen());
            execution.setVariable("silenced", notified.silenced());
            execution.setVariable("waitFor", notified.waitFor().toString());
        };
    }

    @Bean
    JavaDelegate escalateAlert(EscalationSteps steps) {
        return execution -> execution.setVariable("level", steps.escalate(id(execution), level(execution)));
    }

    @Bean
    JavaDelegate handAlertToOps(EscalationSteps steps) {
        return execution -> steps.handToOps(id(execution), (Integer) execution.getVariable("maxLevel"));
    }

    /** The business key of alert-silence is the silence's id. */
    @Bean
    JavaDelegate tellSilenceEnded(AlertSilences silences) {
        return execution -> silences.tellEnded(id(execution), partner(execution));
    }

    @Bean
    JavaDelegate checkLoginFailures(LoginFailureWatch watch, Clock clock) {
        return execution -> execution.setVariable("alertsRaised", watch.check(clock.instant()));
    }

    private static String id(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String partner(DelegateExecution execution) {
        return (String) execution.getVariable("partner");
    }

    private static int level(DelegateExecution execution) {
        return (Integer) execution.getVariable("level");
    }
}
