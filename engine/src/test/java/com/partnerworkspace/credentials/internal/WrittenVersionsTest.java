package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.credentials.internal.CredentialVault.Credential;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WrittenVersionsTest {

    private final AtomicLong now = new AtomicLong();
    private final WrittenVersions written = new WrittenVersions(Duration.ofMinutes(1), now::get);
    private final SecretPath path = new SecretPath("nitin", "connection-c1");

    @Test
    void aWrittenVersionIsHandedOnceThenReadFromVault() {
        written.keep(path, credential(3));

        assertThat(written.take(path, 3)).map(Credential::version).hasValue(3);
        assertThat(written.take(path, 3)).as("handed once").isEmpty();
    }

    @Test
    void onlyTheVersionWrittenForThatPathIsHanded() {
        written.keep(path, credential(3));

        assertThat(written.take(path, 2)).isEmpty();
        assertThat(written.take(new SecretPath("nitin", "connection-c2"), 3)).isEmpty();
    }

    @Test
    void aVersionKeptLongerThanItsTimeIsNotHanded() {
        written.keep(path, credential(3));
        now.addAndGet(Duration.ofMinutes(1).plusMillis(1).toNanos());

        assertThat(written.take(path, 3)).isEmpty();
    }

    @Test
    void atMostTheLimitIsKept() {
        for (int version = 1; version <= WrittenVersions.LIMIT + 10; version++) {
            written.keep(path, credential(version));
        }

        assertThat(written.take(path, WrittenVersions.LIMIT)).isPresent();
        assertThat(written.take(path, WrittenVersions.LIMIT + 1))
                .as("beyond the limit")
                .isEmpty();
    }

    private static Credential credential(int version) {
        return new Credential(version, new Keys("key", "secret"), null, "rotation-p1");
    }
}
