package com.partnerworkspace.delegations.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code delegation-approval}, by the names the model uses. Each one only reads the
 * delegation id (the business key) and calls one feature method, where the logic and its tests live.
 */
@Configuration(proxyBeanMethods = false)
class DelegationProcessSteps {

    @Bean
    JavaDelegate notifyApprovers(DelegationNotifications notifications) {
        return execution -> notifications.notifyApprovers(id(execution));
    }

    @Bean
    TaskListener recordApprovalDecision(DelegationService delegations) {
        return task -> delegations.recordDecision(
                task.getExecution().getProcessBusinessKey(),
                task.getAssignee(),
                Boolean.TRUE.equals(task.getVariable("approved")),
                (String) task.getVariable("comment"));
    }

    @Bean
    JavaDelegate createBotClient(DelegationSteps steps) {
        return execution -> steps.createBotClient(id(execution));
    }

    @Bean
    JavaDelegate applyGrant(DelegationSteps steps) {
        return execution -> execution.setVariable("expiresAt", Date.from(steps.applyGrant(id(execution))));
    }

    @Bean
    JavaDelegate notifyGrantApplied(DelegationNotifications notifications) {
        return execution -> notifications.notifyGrantApplied(id(execution));
    }

    @Bean
    JavaDelegate removeGrant(DelegationSteps steps) {
        return execution -> steps.removeGrant(id(execution), endState(execution));
    }

    @Bean
    JavaDelegate notifyDelegationExpired(DelegationNotifications notifications) {
        return execution -> notifications.notifyExpired(id(execution));
    }

    @Bean
    JavaDelegate notifyDelegationRevoked(DelegationNotifications notifications) {
        return execution -> notifications.notifyRevoked(id(execution), endedWithConnection(execution));
    }

    /**
     * The one delegate both notifications had before they got their own names: delegations granted under a
     * model version deployed before the rename still end through it. Remove once none of them runs.
     */
    @Bean
    @Deprecated
    JavaDelegate notifyDelegationEnded(DelegationNotifications notifications) {
        return execution -> {
            if (endState(execution) == DelegationState.EXPIRED) {
                notifications.notifyExpired(id(execution));
            } else {
                notifications.notifyRevoked(id(execution), endedWithConnection(execution));
            }
        };
    }

    @Bean
    JavaDelegate recordRejection(DelegationSteps steps, DelegationNotifications notifications) {
        return execution -> {
            steps.recordRejection(id(execution));
            notifications.notifyClosed(id(execution), "rejected", (String) execution.getVariable("comment"));
        };
    }

    @Bean
    JavaDelegate recordTimeout(DelegationSteps steps, DelegationNotifications notifications) {
        return execution -> {
            steps.recordTimeout(id(execution));
            notifications.notifyClosed(id(execution), "not decided in time", null);
        };
    }

    private static String id(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static boolean endedWithConnection(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(DelegationService.ENDED_WITH_CONNECTION));
    }

    private static DelegationState endState(DelegateExecution execution) {
        return DelegationState.valueOf((String) execution.getVariable("endState"));
    }
}
