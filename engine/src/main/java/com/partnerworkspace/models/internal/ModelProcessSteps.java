package com.partnerworkspace.models.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code model-deployment} and {@code instance-migration}, by the names the models use; the
 * steps are in {@link ModelChanges} and {@link Migrations}.
 */
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

    @Bean
    JavaDelegate runMigration(Migrations migrations) {
        return execution -> migrations.run(migrationId(execution), reviewer(execution), comment(execution));
    }

    @Bean
    JavaDelegate rejectMigration(Migrations migrations) {
        return execution -> migrations.reject(migrationId(execution), reviewer(execution), comment(execution));
    }

    private static String migrationId(DelegateExecution execution) {
        return (String) execution.getVariable("migrationId");
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
