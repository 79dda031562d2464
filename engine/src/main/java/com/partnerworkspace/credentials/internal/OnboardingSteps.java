package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code partner-onboarding}. A broker that says no ends the step with the BPMN error
 * {@value #BROKER_REFUSED} after recording what it said; a broker that cannot be reached is retried.
 */
@Component
class OnboardingSteps {

    static final String BROKER_REFUSED = "BrokerRefused";

    private final ConnectionService connections;
    private final ConnectionRepository repository;
    private final CredentialVault vault;
    private final BrokerLogins logins;
    private final ConnectionNotifications notifications;
    private final CredentialHealth health;

    OnboardingSteps(
            ConnectionService connections,
            ConnectionRepository repository,
            CredentialVault vault,
            BrokerLogins logins,
            ConnectionNotifications notifications,
            CredentialHealth health) {
        this.connections = connections;
        this.repository = repository;
        this.vault = vault;
        this.logins = logins;
        this.notifications = notifications;
        this.health = health;
    }

    void storeKeys(String id, Keys keys) {
        Connection connection = connections.get(id);
        vault.storeKeys(
                connection,
                keys,
                metadata(connection, connections.broker(connection), connections.adapter(connection), null));
    }

    /** Before anyone is sent there: would the broker show its login for these keys and our return address? */
    void checkLogin(String id) {
        Connection connection = connections.get(id);
        try {
            connections
                    .adapter(connection)
                    .checkLogin(
                            connections.broker(connection),
                            vault.current(connection).keys(),
                            logins.probe());
            repository.fail(id, ConnectionState.AWAITING_AUTHORISATION, null, null);
        } catch (BrokerException e) {
            throw refused(connection, e);
        }
    }

    void exchange(String id, String processInstanceId, Map<String, String> callback, Login login) {
        Connection connection = connections.get(id);
        repository.setActivity(id, "onboarding");
        try {
            CredentialVault.Credential current = vault.current(connection);
            Broker broker = connections.broker(connection);
            BrokerAdapter adapter = connections.adapter(connection);
            Tokens tokens = adapter.exchange(broker, current.keys(), callback, login);
            vault.storeTokens(connection, current.keys(), tokens, current.version(), "login-" + processInstanceId);
            recordTokens(connection, broker, adapter, tokens);
        } catch (BrokerException e) {
            repository.endActivity(id, "onboarding");
            throw refused(connection, e);
        }
    }

    /** One authenticated call with the stored token; its latency is kept for the status list. */
    void verify(String id) {
        Connection connection = connections.get(id);
        CredentialVault.Credential current = vault.current(connection);
        long started = System.nanoTime();
        try {
            connections.adapter(connection).verify(connections.broker(connection), current.keys(), current.tokens());
        } catch (BrokerException e) {
            if (e.failure() == Failure.BROKER_UNREACHABLE) {
                markUnreachable(id, e.getMessage());
                throw e;
            }
            repository.endActivity(id, "onboarding");
            throw refused(connection, e);
        }
        repository.verified(id, connections.now(), (System.nanoTime() - started) / 1_000_000);
    }

    void activate(String id, boolean reconnect) {
        Connection connection = connections.get(id);
        repository.endActivity(id, "onboarding");
        connections.audit(
                AuditEvent.SYSTEM,
                connection,
                reconnect ? "connection.reconnected" : "connection.activated",
                Map.of("broker", connection.broker(), "expiresAt", String.valueOf(connection.expiresAt())));
        notifications.connected(connection, reconnect);
    }

    void notifyFailed(String id) {
        Connection connection = connections.get(id);
        notifications.failed(connection);
    }

    /** Not authorised in time, or given up: a first onboarding leaves nothing behind, a reconnect the keys. */
    void cancel(String id, boolean reconnect) {
        Connection connection = connections.get(id);
        logins.forget(id);
        if (reconnect) {
            Failures failure = connection.failure() == null
                    ? Failures.NOT_AUTHORISED_IN_TIME
                    : Failures.bySlug(connection.failure());
            repository.fail(
                    id,
                    failure == Failures.NOT_AUTHORISED_IN_TIME ? ConnectionState.EXPIRED : failure.state,
                    failure.slug,
                    failure.title);
        } else {
            vault.destroyAll(connection);
            repository.delete(id);
        }
        connections.audit(
                AuditEvent.SYSTEM, connection, "connection.onboarding-cancelled", Map.of("reconnect", reconnect));
    }

    void recordTokens(Connection connection, Broker broker, BrokerAdapter adapter, Tokens tokens) {
        recordSession(connection, broker, adapter, tokens);
        describe(connection, broker, adapter, tokens.sessionExpiresAt());
    }

    /** The new session's times in the connection's record; its expiry alerts no longer hold. */
    void recordSession(Connection connection, Broker broker, BrokerAdapter adapter, Tokens tokens) {
        Instant nextRotation =
                adapter.supportsRefresh() ? tokens.sessionExpiresAt().minus(broker.rotateBefore()) : null;
        repository.tokensStored(connection.id(), tokens.issuedAt(), tokens.sessionExpiresAt(), nextRotation);
        health.cleared(connection);
    }

    /** The credential's Vault metadata, with the expiry of the session it holds. */
    void describe(Connection connection, Broker broker, BrokerAdapter adapter, Instant expiresAt) {
        vault.describe(connection, metadata(connection, broker, adapter, expiresAt));
    }

    /** The credential's Vault metadata: broker, creator, expiry (once known) and rotation policy. */
    static Map<String, String> metadata(
            Connection connection, Broker broker, BrokerAdapter adapter, Instant expiresAt) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("broker", broker.id());
        metadata.put("createdBy", connection.createdBy());
        if (expiresAt != null) {
            metadata.put("expiresAt", expiresAt.toString());
        }
        metadata.put("rotationPolicy", rotationPolicy(broker, adapter));
        return metadata;
    }

    private BpmnError refused(Connection connection, BrokerException e) {
        Failures failure = Failures.of(e);
        repository.fail(connection.id(), failure.state, failure.slug, e.getMessage());
        connections.audit(
                AuditEvent.SYSTEM,
                connection,
                "connection.failed",
                Map.of("failure", failure.slug, "detail", e.getMessage()));
        return new BpmnError(BROKER_REFUSED, failure.slug);
    }

    private void markUnreachable(String id, String detail) {
        repository.failNow(id, ConnectionState.BROKER_UNREACHABLE, Failures.BROKER_UNREACHABLE.slug, detail);
    }

    static String rotationPolicy(Broker broker, BrokerAdapter adapter) {
        return adapter.supportsRefresh()
                ? "renew " + broker.rotateBefore() + " before the session ends"
                : "log in again every day (the broker's session ends at its daily cut-off)";
    }
}
