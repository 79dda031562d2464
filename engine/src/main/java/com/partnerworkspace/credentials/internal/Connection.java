package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.Broker;
import java.time.Instant;

/**
 * A partner's connection to a broker account as the engine records it: never the keys or tokens (those
 * are in Vault at {@link CredentialVault#pathOf(Connection)}), only what a status list shows.
 *
 * @param storedState the state the processes set; {@link #stateAt} adds the time-based ones
 * @param failure the slug of the last failure (a {@link Failures} key), or null
 * @param activity the process working on the connection right now, or null
 */
record Connection(
        String id,
        String partner,
        String broker,
        String label,
        ConnectionState storedState,
        String maskedKey,
        String createdBy,
        Instant createdAt,
        Instant tokenIssuedAt,
        Instant expiresAt,
        Instant nextRotationAt,
        Instant lastVerifiedAt,
        Long lastVerificationMillis,
        String failure,
        String failureDetail,
        String activity) {

    /** Active connections become EXPIRING near the end of their broker session and EXPIRED after it. */
    ConnectionState stateAt(Instant now, Broker broker) {
        if (storedState != ConnectionState.ACTIVE || expiresAt == null) {
            return storedState;
        }
        if (!now.isBefore(expiresAt)) {
            return ConnectionState.EXPIRED;
        }
        if (!now.isBefore(expiresAt.minus(broker.expiringWithin()))) {
            return ConnectionState.EXPIRING;
        }
        return ConnectionState.ACTIVE;
    }

    /** The last four characters of the key, the rest hidden. */
    static String mask(String key) {
        String tail = key.length() <= 4 ? "" : key.substring(key.length() - 4);
        return "••••" + tail;
    }
}
