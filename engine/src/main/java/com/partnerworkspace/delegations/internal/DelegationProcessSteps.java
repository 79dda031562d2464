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
    JavaDelegate notifyDelegationEnded(DelegationNotifications notifications) {
        return execution -> notifications.notifyEnded(
                id(execution),
                endState(execution),
                Boolean.TRUE.equals(execution.getVariable(DelegationService.ENDED_WITH_CONNECTION)));
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

    private static DelegationState endState(DelegateExecution execution) {
        return DelegationState.valueOf((String) execution.getVariable("endState"));
    }
}
