package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.vault.VaultSecrets.SecretNotFoundException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The credential-health scan's call to each active connection's broker: one authenticated call with the
 * stored token, timed, kept as a {@link LatencySample} whether it worked or not. A connection without
 * tokens (never logged in, or its credential gone) or whose session has ended is not called.
 */
@Component
class LatencyProbe {

    static final String UNEXPECTED = "UNEXPECTED";

    private static final Logger log = LoggerFactory.getLogger(LatencyProbe.class);

    private final ConnectionRepository connections;
    private final ConnectionService service;
    private final CredentialVault vault;
    private final LatencyRepository samples;

    LatencyProbe(
            ConnectionRepository connections,
            ConnectionService service,
            CredentialVault vault,
            LatencyRepository samples) {
        this.connections = connections;
        this.service = service;
        this.vault = vault;
        this.samples = samples;
    }

    /** Calls every active connection's broker once; returns how many calls were made. */
    int sampleAll(Instant at) {
        int calls = 0;
        for (Connection connection : connections.inState(ConnectionState.ACTIVE)) {
            if (sessionEnded(connection, at)) {
                continue; // the call would fail for the session, not for the broker: no latency to learn
            }
            Optional<LatencySample> sample = call(connection, at);
            sample.ifPresent(samples::record);
            calls += sample.isPresent() ? 1 : 0;
        }
        return calls;
    }

    private static boolean sessionEnded(Connection connection, Instant at) {
        return connection.expiresAt() != null && !at.isBefore(connection.expiresAt());
    }

    private Optional<LatencySample> call(Connection connection, Instant at) {
        CredentialVault.Credential credential;
        try {
            credential = vault.current(connection);
        } catch (SecretNotFoundException e) {
            return Optional.empty();
        }
        if (credential.tokens() == null) {
            return Optional.empty();
        }
        String error = null;
        long started = System.nanoTime();
        try {
            service.adapter(connection).verify(service.broker(connection), credential.keys(), credential.tokens());
        } catch (BrokerException e) {
            error = e.failure().name();
        } catch (RuntimeException e) {
            // Only the type: a message might carry what the broker echoed back.
            log.warn(
                    "Latency call to connection {} failed: {}",
                    connection.id(),
                    e.getClass().getSimpleName());
            error = UNEXPECTED;
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        return Optional.of(new LatencySample(
                connection.id(), connection.partner(), connection.broker(), at, millis, error == null, error));
    }
}
