package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.vault.VaultSecrets.VersionConflictException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code credential-rotation}. Each is keyed by the process instance ({@code writtenBy}
 * in the Vault version), so a job that runs twice — a retry, or the engine killed after Vault took the
 * write — finds the version it wrote instead of adding another.
 */
@Component
class RotationSteps {

    static final String ROTATION_FAILED = "RotationFailed";
    private static final Logger log = LoggerFactory.getLogger(RotationSteps.class);

    private final ConnectionService connections;
    private final ConnectionRepository repository;
    private final CredentialVault vault;
    private final OnboardingSteps onboarding;
    private final ConnectionNotifications notifications;
    private final ApplicationEventPublisher events;

    RotationSteps(
            ConnectionService connections,
            ConnectionRepository repository,
            CredentialVault vault,
            OnboardingSteps onboarding,
            ConnectionNotifications notifications,
            ApplicationEventPublisher events) {
        this.connections = connections;
        this.repository = repository;
        this.vault = vault;
        this.onboarding = onboarding;
        this.notifications = notifications;
        this.events = events;
    }

    /** Renews the session at the broker and writes keys + new tokens as the version after {@code baseVersion}. */
    int writeNewVersion(String id, String processInstanceId, int baseVersion) {
        Connection connection = connections.get(id);
        String writtenBy = writtenBy(processInstanceId);
        Broker broker = connections.broker(connection);
        BrokerAdapter adapter = connections.adapter(connection);
        CredentialVault.Credential current = vault.current(connection);
        if (writtenBy.equals(current.writtenBy())) {
            // This step ran before and Vault kept its version, but the engine died before committing:
            // its records (and audit entry) were rolled back with it, Vault's write was not.
            connections.audit(
                    AuditEvent.SYSTEM,
                    connection,
                    "credential.version-written",
                    Map.of("version", current.version(), "previousVersion", baseVersion, "foundAfterRetry", true));
            onboarding.recordSession(connection, broker, adapter, current.tokens());
            return current.version();
        }
        CredentialVault.Credential base =
                current.version() == baseVersion ? current : vault.at(connection, baseVersion);
        try {
            Tokens tokens = adapter.refresh(broker, base.keys(), base.tokens());
            int version = vault.storeTokens(connection, base.keys(), tokens, baseVersion, writtenBy);
            connections.audit(
                    AuditEvent.SYSTEM,
                    connection,
                    "credential.version-written",
                    Map.of("version", version, "previousVersion", baseVersion));
            onboarding.recordSession(connection, broker, adapter, tokens);
            return version;
        } catch (BrokerException e) {
            throw failed(connection, e);
        } catch (VersionConflictException e) {
            throw new BpmnError(ROTATION_FAILED, "another version was written during the rotation");
        }
    }

    void verifyNewVersion(String id, int newVersion) {
        Connection connection = connections.get(id);
        CredentialVault.Credential rotated = vault.at(connection, newVersion);
        long started = System.nanoTime();
        try {
            connections.adapter(connection).verify(connections.broker(connection), rotated.keys(), rotated.tokens());
        } catch (BrokerException e) {
            throw failed(connection, e);
        }
        repository.verified(id, connections.now(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Vault's metadata names the new expiry only now, once the new version is verified: written with the
     * version, it kept naming an expiry the credential did not have after a rollback.
     */
    void recordRotation(String id, int baseVersion, int newVersion, String trigger) {
        Connection connection = connections.get(id);
        onboarding.describe(
                connection, connections.broker(connection), connections.adapter(connection), connection.expiresAt());
        repository.endActivity(id, "rotation");
        connections.audit(
                AuditEvent.SYSTEM,
                connection,
                "credential.rotated",
                Map.of("fromVersion", baseVersion, "toVersion", newVersion, "trigger", trigger));
    }

    /** Its own step: a slow or failing mail server neither delays the record nor makes it run again. */
    void notifyRotated(String id) {
        notifications.rotated(connections.get(id));
    }

    void destroyOldVersions(String id, int newVersion) {
        Connection connection = connections.get(id);
        if (connection.storedState() == ConnectionState.REVOKED) {
            return;
        }
        vault.destroyVersionsBefore(connection, newVersion);
        connections.audit(
                AuditEvent.SYSTEM, connection, "credential.old-versions-destroyed", Map.of("kept", newVersion));
    }

    /** KV v2 rollback: the version current before the rotation becomes current again. */
    void rollBack(String id, String processInstanceId, int baseVersion) {
        Connection connection = connections.get(id);
        int current = vault.current(connection).version();
        int restored = vault.rollBack(connection, baseVersion, "rollback-" + processInstanceId);
        connections.audit(
                AuditEvent.SYSTEM,
                connection,
                "credential.rotation-rolled-back",
                Map.of("restoredVersion", baseVersion, "asVersion", restored, "failedVersion", current));
    }

    void raiseViolation(String id) {
        Connection connection = connections.get(id);
        repository.endActivity(id, "rotation");
        String failure = connection.failure() == null ? "rotation-failed" : connection.failure();
        events.publishEvent(new AlertRaised(
                connection.partner(),
                "policy-violation.rotation-rolled-back",
                "connection/" + id,
                Severity.CRITICAL,
                "Rotation of \"" + connection.label() + "\" failed and was rolled back (" + failure + ")",
                Map.of("connectionId", id, "broker", connection.broker(), "failure", failure)));
        notifications.rotationRolledBack(connection);
    }

    private BpmnError failed(Connection connection, BrokerException e) {
        if (e.failure() == Failure.BROKER_UNREACHABLE) {
            repository.failNow(
                    connection.id(),
                    ConnectionState.BROKER_UNREACHABLE,
                    Failures.BROKER_UNREACHABLE.slug,
                    e.getMessage());
            throw e;
        }
        Failures failure = Failures.of(e);
        log.info("Rotation of connection {} failed: {}", connection.id(), failure.slug);
        repository.fail(connection.id(), failure.state, failure.slug, e.getMessage());
        return new BpmnError(ROTATION_FAILED, failure.slug);
    }

    static String writtenBy(String processInstanceId) {
        return "rotation-" + processInstanceId;
    }
}
