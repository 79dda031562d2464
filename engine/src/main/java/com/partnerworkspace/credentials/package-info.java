/**
 * Broker connections and their credentials. Connecting runs {@code partner-onboarding} (keys to Vault,
 * the broker's login, code exchange, verification), renewing {@code credential-rotation} (new Vault
 * version, verified, old versions destroyed after a grace period, KV v2 rollback on failure), revoking
 * {@code credential-revocation}; {@code credential-rotation-schedule} starts due rotations. Keys and
 * tokens live only in Vault ({@code partners/<partner>/connection-<id>}); the engine keeps status.
 * Reveal needs a fresh MFA; share links are Vault response-wrapped, single use, opened with a mailed
 * one-time code. Publishes {@link com.partnerworkspace.credentials.ConnectionRevoked} and raises
 * alerts through {@link com.partnerworkspace.alerts.AlertRaised}. The {@code credential-health-scan} also
 * times one call to each active connection's broker; the samples are rolled up into 5-minute and hourly
 * buckets per connection and per partner, read by {@code GET /api/partners/{partner}/latency} and by other
 * features through {@link com.partnerworkspace.credentials.BrokerLatency}; a status board reads connections
 * through {@link com.partnerworkspace.credentials.ConnectionStatus}. UI: {@code ui/src/app/credentials/}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Broker connections",
        allowedDependencies = {"security", "system", "audit", "broker", "vault", "keycloak", "notify", "alerts", "inbox"
        })
package com.partnerworkspace.credentials;
