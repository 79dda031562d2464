package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.response.HealthResponse;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} shows whether Vault is reachable, unsealed and whether the engine is logged in. */
@Component("vault")
class VaultHealthIndicator extends AbstractHealthIndicator {

    private final VaultSession session;

    VaultHealthIndicator(VaultSession session) {
        super("Vault health check failed");
        this.session = session;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = session.anonymous().debug().health(true, true, 200, 200, 200, 200, 200, 200);
        boolean usable = Boolean.TRUE.equals(health.getInitialized()) && !Boolean.TRUE.equals(health.getSealed());
        builder.status(
                        usable
                                ? org.springframework.boot.actuate.health.Status.UP
                                : org.springframework.boot.actuate.health.Status.DOWN)
                .withDetail("initialized", health.getInitialized())
                .withDetail("sealed", health.getSealed())
                .withDetail("standby", health.getStandby());
        if (usable) {
            session.currentToken();
            builder.withDetail("tokenValidUntil", session.expiresAt().toString());
        }
    }
}
