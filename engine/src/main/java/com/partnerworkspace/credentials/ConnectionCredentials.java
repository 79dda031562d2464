package com.partnerworkspace.credentials;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A connection as the diagnostics feature examines it: its broker, its keys and tokens (read from Vault
 * for the examination only, never kept or shown) and where it stands. Who may examine it is the caller's
 * check ({@code security.PartnerAccess} with the connection's partner).
 *
 * @param state the connection's state now (e.g. {@code ACTIVE}, {@code EXPIRED}, {@code REVOKED})
 * @param tokens null before the first broker login, and for a revoked connection
 * @param failure the slug of the last failure, or null
 */
public record ConnectionCredentials(
        String id,
        String partner,
        String label,
        Broker broker,
        String state,
        Keys keys,
        Tokens tokens,
        Instant expiresAt,
        String failure,
        String failureDetail) {

    @Override
    public String toString() {
        return "ConnectionCredentials[" + id + ", " + state + "]";
    }

    /** Looks connections up for examination. */
    public interface Source {

        /** The connection without its keys or tokens (null), or empty when there is none. */
        Optional<ConnectionCredentials> find(String id);

        /** The same connection with its keys and current tokens from Vault (none for a revoked one). */
        ConnectionCredentials withSecrets(ConnectionCredentials connection);

        /** The redirect URI this workspace sends to every broker (its callback). */
        URI redirectUri();
    }
}
