package com.partnerworkspace.broker;

import java.net.URI;
import java.time.Duration;

/**
 * One catalogue entry: a broker the partner can connect and the adapter that speaks its protocol.
 *
 * @param loginUrl where the browser is sent to log in (OAuth 2: the issuer, whose
 *     {@code /protocol/openid-connect/auth} or discovery gives the endpoint; Kite: the login page)
 * @param apiUrl where the engine calls the broker server to server (token, userinfo, revocation)
 * @param expiringWithin how long before the end of its session a connection counts as expiring
 * @param rotateBefore how long before the end of its session a scheduled rotation renews it
 */
public record Broker(
        String id,
        String name,
        String adapter,
        URI loginUrl,
        URI apiUrl,
        String apiKeyLabel,
        String apiSecretLabel,
        Duration expiringWithin,
        Duration rotateBefore) {

    public Broker {
        if (expiringWithin == null) {
            expiringWithin = Duration.ofHours(2);
        }
        if (rotateBefore == null) {
            rotateBefore = Duration.ofMinutes(10);
        }
        if (apiKeyLabel == null) {
            apiKeyLabel = "API key";
        }
        if (apiSecretLabel == null) {
            apiSecretLabel = "API secret";
        }
    }
}
