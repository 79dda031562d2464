package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.SmsGateway;
import com.partnerworkspace.vault.VaultSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway ops keep in Vault ({@code partner-kv/platform/sms-gateway}: base-url, account-sid,
 * auth-token, from), read at most once a minute.
 */
@Component
class SmsGatewaySetting {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final VaultSecrets vault;
    private final Clock clock;
    private Optional<SmsGateway> gateway = Optional.empty();
    private Instant readAt = Instant.MIN;

    SmsGatewaySetting(VaultSecrets vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    synchronized Optional<SmsGateway> current() {
        if (readAt.plus(FRESH_FOR).isBefore(clock.instant())) {
            gateway = vault.platformSetting("sms-gateway").flatMap(SmsGateway::of);
            readAt = clock.instant();
        }
        return gateway;
    }
}
