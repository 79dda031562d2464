package com.partnerworkspace.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import io.github.jopenlibs.vault.VaultException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;

/** The adapter against the real OpenBao, logged in with the engine's AppRole. */
@EngineTest
class VaultSecretsTest {

    @Autowired
    VaultSecrets secrets;

    @Autowired
    VaultSession session;

    @Autowired
    VaultHealthIndicator health;

    private final SecretPath path = new SecretPath("nikhil", "test-" + UUID.randomUUID());

    @Test
    void writeReadAndNewVersionRoundTrip() {
        int first = secrets.write(path, Map.of("apiKey", "key-1", "apiSecret", "secret-1"));
        int second = secrets.write(path, Map.of("apiKey", "key-1", "apiSecret", "secret-2"));

        assertThat(second).isEqualTo(first + 1);
        assertThat(secrets.read(path).version()).isEqualTo(second);
        assertThat(secrets.read(path).values()).containsEntry("apiSecret", "secret-2");
        assertThat(secrets.read(path, first).values()).containsEntry("apiSecret", "secret-1");
    }

    @Test
    void missingSecretIsNotFound() {
        assertThatThrownBy(() -> secrets.read(path)).isInstanceOf(VaultSecrets.SecretNotFoundException.class);
    }

    @Test
    void pathsCannotEscapeThePartnersFolder() {
        assertThatThrownBy(() -> new SecretPath("nikhil", "../mukesh/keys"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretPath("../x", "keys")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void engineTokenIsLimitedToPartnerSecrets() throws VaultException {
        var foreignWrite = session.kv().logical().write("partner-kv/not-partners/x", Map.of("a", "b"));
        assertThat(foreignWrite.getRestResponse().getStatus()).isEqualTo(403);
        var policyRead = session.plain().logical().read("sys/policies/acl/partner-workspace-engine");
        assertThat(policyRead.getRestResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void tokenRenewalKeepsTheSessionUsable() {
        session.currentToken();
        // Renewed once on this test's clock: a journey before it may have moved the engine's clock by hours
        // (and back), and an expiry reckoned then lies ahead of any renewal reckoned now.
        session.renew();
        var before = session.expiresAt();

        session.renewIfDue(); // a fresh 1 h token is not due yet
        assertThat(session.expiresAt()).isEqualTo(before);

        session.renew();
        assertThat(session.expiresAt()).isAfterOrEqualTo(before);
        assertThat(secrets.write(path, Map.of("k", "v"))).isPositive();
    }

    @Test
    void healthIsUpWhenUnsealedAndLoggedIn() {
        var result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("sealed", false);
    }

    @Test
    void secretValuesNeverShowInToString() {
        var secret = new VaultSecrets.VersionedSecret(path, 1, Map.of("apiSecret", "s3cr3t"));

        assertThat(secret.toString()).doesNotContain("s3cr3t").contains("apiSecret");
    }
}
