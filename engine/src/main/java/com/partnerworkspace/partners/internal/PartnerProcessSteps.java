package com.partnerworkspace.partners.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code partner-invitation}, by the names the model uses. Each reads the partner id (the
 * business key) and calls one step of {@link InvitationSteps}.
 */
@Configuration(proxyBeanMethods = false)
class PartnerProcessSteps {

    @Bean
    JavaDelegate createPartnerGroup(InvitationSteps steps) {
        return execution -> steps.createGroup(partner(execution));
    }

    @Bean
    JavaDelegate createPartnerUser(InvitationSteps steps) {
        return execution -> steps.createUser(partner(execution));
    }

    @Bean
    JavaDelegate sendAccountSetupEmail(InvitationSteps steps) {
        return execution -> steps.sendSetupEmail(partner(execution));
    }

    @Bean
    JavaDelegate applyPartnerPersonaDefaults(InvitationSteps steps) {
        return execution -> steps.applyPersonaDefaults(partner(execution));
    }

    @Bean
    JavaDelegate sendPartnerWelcome(InvitationSteps steps) {
        return execution -> steps.sendWelcome(partner(execution));
    }

    private static String partner(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
