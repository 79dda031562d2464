package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.system.Refusal;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code partner-onboarding}, {@code credential-rotation}, {@code credential-revocation}
 * and {@code credential-rotation-schedule}, by the names the models use. Each reads the connection id
 * (the business key) and calls one step, where the logic and its tests live.
 */
@Configuration(proxyBeanMethods = false)
class CredentialProcessSteps {

    private static final Logger log = LoggerFactory.getLogger(CredentialProcessSteps.class);

    @Bean
    JavaDelegate storeBrokerKeys(OnboardingSteps steps) {
        return execution -> steps.storeKeys(id(execution), new Keys((String) execution.getVariable("apiKey"), (String)
                execution.getVariable("apiSecret")));
    }

    @Bean
    JavaDelegate checkBrokerLogin(OnboardingSteps steps) {
        return execution -> steps.checkLogin(id(execution));
    }

    @Bean
    JavaDelegate exchangeBrokerCode(OnboardingSteps steps, BrokerLogins logins) {
        return execution -> steps.exchange(
                id(execution),
                execution.getProcessInstanceId(),
                BrokerLogins.decode((String) execution.getVariable("brokerCallback")),
                logins.login(
                        (String) execution.getVariable("loginState"), (String) execution.getVariable("codeVerifier")));
    }

    @Bean
    JavaDelegate verifyConnection(OnboardingSteps steps) {
        return execution -> steps.verify(id(execution));
    }

    @Bean
    JavaDelegate activateConnection(OnboardingSteps steps) {
        return execution -> steps.activate(id(execution), reconnect(execution));
    }

    @Bean
    JavaDelegate notifyConnectionFailed(OnboardingSteps steps) {
        return execution -> steps.notifyFailed(id(execution));
    }

    @Bean
    JavaDelegate cancelOnboarding(OnboardingSteps steps) {
        return execution -> steps.cancel(id(execution), reconnect(execution));
    }

    /** Also by its former name, for rotations of a model version deployed before the rename. */
    @Bean({"writeNewVersion", "writeRotatedVersion"})
    JavaDelegate writeNewVersion(RotationSteps steps) {
        return execution -> execution.setVariable(
                "newVersion",
                steps.writeNewVersion(id(execution), execution.getProcessInstanceId(), baseVersion(execution)));
    }

    /** Also by its former name, for rotations of a model version deployed before the rename. */
    @Bean({"verifyNewVersion", "verifyRotatedVersion"})
    JavaDelegate verifyNewVersion(RotationSteps steps) {
        return execution -> steps.verifyNewVersion(id(execution), (Integer) execution.getVariable("newVersion"));
    }

    @Bean
    JavaDelegate recordRotation(RotationSteps steps) {
        return execution -> steps.recordRotation(
                id(execution), baseVersion(execution), (Integer) execution.getVariable("newVersion"), (String)
                        execution.getVariable("trigger"));
    }

    @Bean
    JavaDelegate notifyRotated(RotationSteps steps) {
        return execution -> steps.notifyRotated(id(execution));
    }

    @Bean
    JavaDelegate destroyOldVersions(RotationSteps steps) {
        return execution -> steps.destroyOldVersions(id(execution), (Integer) execution.getVariable("newVersion"));
    }

    @Bean
    JavaDelegate rollBackRotation(RotationSteps steps) {
        return execution -> steps.rollBack(id(execution), execution.getProcessInstanceId(), baseVersion(execution));
    }

    @Bean
    JavaDelegate raiseRotationViolation(RotationSteps steps) {
        return execution -> steps.raiseViolation(id(execution));
    }

    @Bean
    JavaDelegate revokeAtBroker(RevocationSteps steps) {
        return execution -> steps.revokeAtBroker(id(execution));
    }

    @Bean
    JavaDelegate destroyCredential(RevocationSteps steps) {
        return execution -> steps.destroyCredential(id(execution));
    }

    @Bean
    JavaDelegate endDependentDelegations(RevocationSteps steps) {
        return execution -> steps.endDependents(id(execution));
    }

    @Bean
    JavaDelegate notifyConnectionRevoked(RevocationSteps steps) {
        return execution -> steps.notifyRevoked(id(execution), (String) execution.getVariable("revokedBy"));
    }

    /** Each due connection in its own try: one that cannot rotate now does not hold up the others. */
    @Bean
    JavaDelegate startDueRotations(ConnectionService connections, ConnectionRepository repository) {
        return execution -> {
            for (Connection due : repository.dueForRotation(connections.now())) {
                try {
                    connections.startRotation(due, "schedule", AuditEvent.SYSTEM);
                } catch (Refusal e) {
                    log.info("Scheduled rotation of connection {} not started: {}", due.id(), e.slug());
                }
            }
        };
    }

    /** Expiry alerts, then one timed call to each active connection's broker, then the latency roll-up. */
    @Bean
    JavaDelegate scanCredentialHealth(
            CredentialHealth health, LatencyProbe latency, LatencyRollups rollups, ConnectionService connections) {
        return execution -> {
            Instant now = connections.now();
            execution.setVariable("alertsRaised", health.scan(now));
            execution.setVariable("brokerCalls", latency.sampleAll(now));
            rollups.rollUp(now);
        };
    }

    private static String id(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static boolean reconnect(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable("reconnect"));
    }

    private static int baseVersion(DelegateExecution execution) {
        return (Integer) execution.getVariable("baseVersion");
    }
}
