package com.partnerworkspace.credentials.internal;

import java.time.Instant;

/**
 * One call the credential-health scan made to a connection's broker: how long it took and whether it worked.
 *
 * @param error the {@code BrokerException} failure when the call failed, else null
 */
record LatencySample(
        String connectionId, String partner, String broker, Instant at, int latencyMs, boolean ok, String error) {}
