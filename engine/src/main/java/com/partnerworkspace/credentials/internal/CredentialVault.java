package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretMetadata;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import com.partnerworkspace.vault.VaultSecrets.VersionedSecret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A connection's credential in Vault KV v2: version 1 holds the keys, each later version keys + tokens.
 * Every write is check-and-set against the version the caller read, and carries who wrote it
 * ({@code writtenBy}), so a step that runs again finds its own version instead of adding a second one.
 */
@Component
class CredentialVault {

    static final String WRITTEN_BY = "writtenBy";

    private final VaultSecrets secrets;
    private final WrittenVersions written = new WrittenVersions(Duration.ofMinutes(1));

    CredentialVault(VaultSecrets secrets) {
        this.secrets = secrets;
    }

    static SecretPath pathOf(Connection connection) {
        return pathOf(connection.partner(), connection.id());
    }

    static SecretPath pathOf(String partner, String connectionId) {
        return new SecretPath(partner, "connection-" + connectionId);
    }

    /** Version 1: the keys, and the metadata that says what they are. */
    void storeKeys(Connection connection, Keys keys, Map<String, String> metadata) {
        SecretPath path = pathOf(connection);
        secrets.write(path, keyValues(keys, "onboarding"), 0);
        secrets.writeMetadata(path, metadata);
    }

    /** New keys for an existing connection (a reconnect with corrected keys); tokens are dropped. */
    int replaceKeys(Connection connection, Keys keys, String writtenBy) {
        SecretPath path = pathOf(connection);
        return secrets.write(
                path, keyValues(keys, writtenBy), secrets.metadata(path).currentVersion());
    }

    /**
     * Writes keys + tokens as the version after {@code expectedCurrent} (check-and-set: if another
     * version came first, {@link VaultSecrets.VersionConflictException}). Callers first look whether
     * {@code writtenBy} wrote the current version already.
     */
    int storeTokens(Connection connection, Keys keys, Tokens tokens, int expectedCurrent, String writtenBy) {
        Map<String, String> values = keyValues(keys, writtenBy);
        values.putAll(tokens.asValues());
        SecretPath path = pathOf(connection);
        int version = secrets.write(path, values, expectedCurrent);
        written.keep(path, new Credential(version, keys, tokens, writtenBy));
        return version;
    }

    /** Replaces the custom metadata whole (one call, no read): what the credential is, never a secret. */
    void describe(Connection connection, Map<String, String> metadata) {
        secrets.writeMetadata(pathOf(connection), metadata);
    }

    Credential current(Connection connection) {
        return credential(secrets.read(pathOf(connection)));
    }

    /** A version just written by {@link #storeTokens} comes from memory, once; any other from Vault. */
    Credential at(Connection connection, int version) {
        SecretPath path = pathOf(connection);
        return written.take(path, version).orElseGet(() -> credential(secrets.read(path, version)));
    }

    SecretMetadata metadata(Connection connection) {
        return secrets.metadata(pathOf(connection));
    }

    /**
     * KV v2 rollback to {@code version}, once per {@code writtenBy}: if the current version is already
     * this rollback, nothing is written.
     */
    int rollBack(Connection connection, int version, String writtenBy) {
        SecretPath path = pathOf(connection);
        VersionedSecret current = secrets.read(path);
        if (writtenBy.equals(current.values().get(WRITTEN_BY)) || current.version() == version) {
            return current.version();
        }
        Map<String, String> values =
                new LinkedHashMap<>(secrets.read(path, version).values());
        values.put(WRITTEN_BY, writtenBy);
        return secrets.write(path, values, current.version());
    }

    void destroyVersionsBefore(Connection connection, int keep) {
        SecretPath path = pathOf(connection);
        List<Integer> older = secrets.metadata(path).liveVersions().stream()
                .filter(version -> version < keep)
                .toList();
        secrets.destroyVersions(path, older);
    }

    void destroyAll(Connection connection) {
        secrets.destroy(pathOf(connection));
    }

    private static Map<String, String> keyValues(Keys keys, String writtenBy) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("apiKey", keys.apiKey());
        values.put("apiSecret", keys.apiSecret());
        values.put(WRITTEN_BY, writtenBy);
        return values;
    }

    private static Credential credential(VersionedSecret secret) {
        Map<String, String> values = secret.values();
        return new Credential(
                secret.version(),
                new Keys(values.get("apiKey"), values.get("apiSecret")),
                Tokens.fromValues(values),
                values.get(WRITTEN_BY));
    }

    /**
     * One version of the credential; {@code tokens} is null before the first broker login, {@code
     * writtenBy} names the step that wrote it.
     */
    record Credential(int version, Keys keys, Tokens tokens, String writtenBy) {
        @Override
        public String toString() {
            return "Credential[v" + version + "]";
        }
    }
}
