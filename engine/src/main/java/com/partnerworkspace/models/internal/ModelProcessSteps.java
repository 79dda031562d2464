package com.partnerworkspace.models.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code model-deployment}, by the names the model uses; the steps are in {@link ModelChanges}. */
@Configuration(proxyBeanMethods = false)
class ModelProcessSteps {

    @Bean
    JavaDelegate deployModelChange(ModelChanges changes) {
        return execution -> changes.deploy(draftId(execution), reviewer(execution), comment(execution));
    }

    @Bean
    JavaDelegate rejectModelChange(ModelChanges changes) {
        return execution -> changes.reject(draftId(execution), reviewer(execution), comment(execution));
    }

    private static String draftId(DelegateExecution execution) {
        return (String) execution.getVariable("draftId");
    }

    private static String reviewer(DelegateExecution execution) {
        return (String) execution.getVariable("reviewer");
    }

    private static String comment(DelegateExecution execution) {
        return (String) execution.getVariable("comment");
    }
}
