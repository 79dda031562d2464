package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.credentials.ConnectionRevoked;
import com.partnerworkspace.vault.VaultSecrets.SecretNotFoundException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The steps of {@code credential-revocation}; each can run again without harm. */
@Component
class RevocationSteps {

    private final ConnectionService connections;
    private final ConnectionRepository repository;
    private final CredentialVault vault;
    private final ConnectionNotifications notifications;
    private final ApplicationEventPublisher events;
    private final CredentialHealth health;
    private final CredentialShares shares;

    RevocationSteps(
            ConnectionService connections,
            ConnectionRepository repository,
            CredentialVault vault,
            ConnectionNotifications notifications,
            ApplicationEventPublisher events,
            CredentialHealth health,
            CredentialShares shares) {
        this.connections = connections;
        this.repository = repository;
        this.vault = vault;
        this.notifications = notifications;
        this.events = events;
        this.health = health;
        this.shares = shares;
    }

    /** RFC 7009 (or the broker's logout) where the broker offers it; an unreachable broker is retried. */
    void revokeAtBroker(String id) {
        Connection connection = connections.get(id);
        BrokerAdapter adapter = connections.adapter(connection);
        CredentialVault.Credential credential;
        try {
            credential = vault.current(connection);
        } catch (SecretNotFoundException e) {
            return;
        }
        if (credential.tokens() == null || !adapter.supportsRevocation()) {
            return;
        }
        String outcome = "revoked";
        try {
            adapter.revoke(connections.broker(connection), credential.keys(), credential.tokens());
        } catch (BrokerException e) {
            if (e.failure() == Failure.BROKER_UNREACHABLE) {
                throw e;
            }
            // Keys or session the broker no longer accepts: there is nothing left to revoke there.
            outcome = "nothing to revoke (" + Failures.of(e).slug + ")";
        }
        connections.audit(AuditEvent.SYSTEM, connection, "connection.revoked-at-broker", Map.of("outcome", outcome));
    }

    void destroyCredential(String id) {
        Connection connection = connections.get(id);
        vault.destroyAll(connection);
        repository.tokensStored(id, connection.tokenIssuedAt(), connection.expiresAt(), null);
        connections.audit(AuditEvent.SYSTEM, connection, "credential.destroyed", Map.of("versions", "all"));
        health.cleared(connection);
    }

    /**
     * Ends what hangs on the connection: its unopened share links (already refused since the revoke;
     * this also catches one made in a request that raced the revoke), and, through
     * {@link ConnectionRevoked}, the delegations limited to it. A retried step ends nothing twice: links
     * ended before are skipped, and the delegations feature ends only delegations still open.
     */
    void endDependents(String id) {
        Connection connection = connections.get(id);
        int ended = shares.endOpenSharesOf(id);
        if (ended > 0) {
            connections.audit(AuditEvent.SYSTEM, connection, "credential.shares-ended", Map.of("links", ended));
        }
        events.publishEvent(new ConnectionRevoked(connection.partner(), id));
    }

    void notifyRevoked(String id, String revokedBy) {
        Connection connection = connections.get(id);
        repository.endActivity(id, "revocation");
        connections.audit(AuditEvent.SYSTEM, connection, "connection.revoked", Map.of("revokedBy", revokedBy));
        notifications.revoked(connection, revokedBy);
    }
}
