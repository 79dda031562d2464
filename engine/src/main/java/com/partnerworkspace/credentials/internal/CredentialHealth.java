package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.alerts.AlertCleared;
import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.alerts.AlertThresholds;
import com.partnerworkspace.vault.VaultSecrets.SecretNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proactive warnings for credentials that will stop working: a session that ends within the partner's
 * warning threshold (default 24 h: WARNING) or critical one (default 2 h: CRITICAL) and that no scheduled
 * rotation will renew (the broker needs a login, or the rotation is overdue). The expiry is read from
 * the credential's Vault metadata. A renewed or revoked credential clears its alerts.
 */
@Component
class CredentialHealth {

    static final String EXPIRING = "credential.expiring";
    static final String EXPIRES_SOON = "credential.expires-soon";
    /** A scheduled rotation this late is not going to save the session. */
    static final Duration ROTATION_OVERDUE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(CredentialHealth.class);

    private final ConnectionRepository repository;
    private final CredentialVault vault;
    private final ApplicationEventPublisher events;
    private final AlertThresholds.Source thresholds;

    CredentialHealth(
            ConnectionRepository repository,
            CredentialVault vault,
            ApplicationEventPublisher events,
            AlertThresholds.Source thresholds) {
        this.repository = repository;
        this.vault = vault;
        this.events = events;
        this.thresholds = thresholds;
    }

    /**
     * Raises an alert for each active connection at risk; returns how many were raised. Transactional: the
     * alerts feature takes raised alerts when the transaction commits.
     */
    @Transactional
    public int scan(Instant now) {
        int raised = 0;
        for (Connection connection : repository.inState(ConnectionState.ACTIVE)) {
            Instant expiresAt = expiryOf(connection);
            if (expiresAt == null || renewedInTime(connection, now)) {
                continue;
            }
            Duration left = Duration.between(now, expiresAt);
            AlertThresholds partner = thresholds.thresholdsOf(connection.partner());
            if (left.compareTo(partner.credentialCriticalBefore()) <= 0) {
                raise(connection, EXPIRES_SOON, Severity.CRITICAL, expiresAt);
                raised++;
            } else if (left.compareTo(partner.credentialWarningBefore()) <= 0) {
                raise(connection, EXPIRING, Severity.WARNING, expiresAt);
                raised++;
            }
        }
        return raised;
    }

    /** New tokens (or no credential any more): the expiry alerts of the connection no longer hold. */
    void cleared(Connection connection) {
        for (String type : new String[] {EXPIRING, EXPIRES_SOON}) {
            events.publishEvent(new AlertCleared(connection.partner(), type, resource(connection)));
        }
    }

    private Instant expiryOf(Connection connection) {
        try {
            String expiresAt = vault.metadata(connection).custom().get("expiresAt");
            return expiresAt == null ? connection.expiresAt() : Instant.parse(expiresAt);
        } catch (SecretNotFoundException e) {
            log.info("Connection {} has no credential in Vault; skipped by the health scan", connection.id());
            return null;
        }
    }

    private static boolean renewedInTime(Connection connection, Instant now) {
        return connection.nextRotationAt() != null
                && connection.nextRotationAt().isAfter(now.minus(ROTATION_OVERDUE));
    }

    private void raise(Connection connection, String type, Severity severity, Instant expiresAt) {
        events.publishEvent(new AlertRaised(
                connection.partner(),
                type,
                resource(connection),
                severity,
                "The " + connection.broker() + " connection \"" + connection.label() + "\" stops working at "
                        + expiresAt + " unless someone logs in again",
                Map.of("connectionId", connection.id(), "expiresAt", expiresAt.toString())));
    }

    private static String resource(Connection connection) {
        return "connection/" + connection.id();
    }
}
