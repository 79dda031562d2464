package com.partnerworkspace.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import com.partnerworkspace.vault.VaultSecrets.VersionConflictException;
import com.partnerworkspace.vault.VaultWrapping.WrappedSecretGoneException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What rotation, revocation and share links rely on, against the real OpenBao: check-and-set versions,
 * KV v2 rollback, destroying versions and metadata, and response wrapping that works once and expires,
 * sealed with the transit key so that only the engine can open it.
 */
@EngineTest
class VaultVersionsAndWrappingTest {

    @Autowired
    VaultSecrets secrets;

    @Autowired
    VaultWrapping wrapping;

    private final SecretPath path = new SecretPath("nitin", "versions-" + UUID.randomUUID());

    @Test
    void checkAndSetWritesOnlyOnTopOfTheExpectedVersion() {
        assertThat(secrets.write(path, Map.of("token", "one"), 0)).isEqualTo(1);
        assertThatThrownBy(() -> secrets.write(path, Map.of("token", "again"), 0))
                .as("the secret exists already")
                .isInstanceOf(VersionConflictException.class);
        assertThat(secrets.write(path, Map.of("token", "two"), 1)).isEqualTo(2);
        assertThatThrownBy(() -> secrets.write(path, Map.of("token", "stale"), 1))
                .isInstanceOf(VersionConflictException.class);
        assertThat(secrets.read(path).values()).containsEntry("token", "two");
        assertThat(secrets.metadata(path).currentVersion()).isEqualTo(2);
    }

    @Test
    void rollbackMakesAnEarlierVersionCurrentAsANewVersion() {
        secrets.write(path, Map.of("token", "good"), 0);
        secrets.write(path, Map.of("token", "bad"), 1);

        int restored = secrets.rollback(path, 1, 2);

        assertThat(restored).isEqualTo(3);
        assertThat(secrets.read(path).values()).containsEntry("token", "good");
        assertThat(secrets.read(path, 2).values())
                .as("the failed version is kept until destroyed")
                .containsEntry("token", "bad");
    }

    @Test
    void destroyingVersionsKeepsTheOthersAndDestroyRemovesEverything() {
        secrets.write(path, Map.of("token", "v1"), 0);
        secrets.write(path, Map.of("token", "v2"), 1);
        secrets.write(path, Map.of("token", "v3"), 2);
        secrets.writeMetadata(path, Map.of("broker", "broker-sim", "createdBy", "nitin"));

        secrets.destroyVersions(path, List.of(1, 2));

        VaultSecrets.SecretMetadata metadata = secrets.metadata(path);
        assertThat(metadata.liveVersions()).containsExactly(3);
        assertThat(metadata.custom()).containsEntry("broker", "broker-sim").containsEntry("createdBy", "nitin");
        assertThatThrownBy(() -> secrets.read(path, 1)).isInstanceOf(RuntimeException.class);
        assertThat(secrets.read(path).values()).containsEntry("token", "v3");

        secrets.destroy(path);
        assertThatThrownBy(() -> secrets.metadata(path)).isInstanceOf(VaultSecrets.SecretNotFoundException.class);
        assertThatThrownBy(() -> secrets.read(path)).isInstanceOf(VaultSecrets.SecretNotFoundException.class);
        secrets.destroy(path);
    }

    @Test
    void aWrappedHandOverOpensOnce() {
        String token = wrapping.wrap(Map.of("apiSecret", "s3cret"), Duration.ofMinutes(5));

        assertThat(wrapping.unwrap(token)).containsEntry("apiSecret", "s3cret");
        assertThatThrownBy(() -> wrapping.unwrap(token)).isInstanceOf(WrappedSecretGoneException.class);
    }

    @Test
    void aWrappedHandOverExpires() throws InterruptedException {
        String token = wrapping.wrap(Map.of("apiSecret", "s3cret"), Duration.ofSeconds(1));

        Thread.sleep(2_500);

        assertThatThrownBy(() -> wrapping.unwrap(token)).isInstanceOf(WrappedSecretGoneException.class);
    }

    @Test
    void aSealedHandOverOpensOnlyThroughTheEngineAndOnlyOnce() {
        VaultWrapping.SealedHandOver sealed = wrapping.seal(Map.of("apiSecret", "s3cret"), Duration.ofMinutes(5));

        assertThat(sealed.ciphertext()).startsWith("vault:").doesNotContain("s3cret");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(unwrapStatusAtVault(sealed.ciphertext()))
                .as("the sealed token is no wrapping token to whoever reaches Vault")
                .isIn(400, 403);
        assertThat(wrapping.open(sealed)).containsEntry("apiSecret", "s3cret");
        assertThatThrownBy(() -> wrapping.open(sealed)).isInstanceOf(WrappedSecretGoneException.class);
    }

    @Test
    void aBurntHandOverNeverOpens() {
        VaultWrapping.SealedHandOver sealed = wrapping.seal(Map.of("apiSecret", "s3cret"), Duration.ofMinutes(5));

        wrapping.burn(sealed);
        wrapping.burn(sealed);

        assertThatThrownBy(() -> wrapping.open(sealed)).isInstanceOf(WrappedSecretGoneException.class);
    }

    private static int unwrapStatusAtVault(String candidate) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(com.partnerworkspace.testsupport.RealServers.openBao()
                                                            .url()
                                                    + "/v1/sys/wrapping/unwrap"))
                                    .header("X-Vault-Token", candidate)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wrappingRefusesLifetimesOverADay() {
        assertThatThrownBy(() -> wrapping.wrap(Map.of("k", "v"), Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wrapping.wrap(Map.of("k", "v"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
