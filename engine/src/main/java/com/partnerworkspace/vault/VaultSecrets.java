package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Partner-scoped secrets in the KV v2 mount: {@code <mount>/partners/<partner>/<name>}. Every write
 * makes a new version; older versions stay readable until destroyed.
 */
@Component
public class VaultSecrets {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final VaultSession session;
    private final VaultProperties properties;

    VaultSecrets(VaultSession session, VaultProperties properties) {
        this.session = session;
        this.properties = properties;
    }

    /** Writes a new version and returns its number. */
    public int write(SecretPath path, Map<String, String> values) {
        try {
            LogicalResponse response = session.kv().logical().write(fullPath(path), new LinkedHashMap<>(values));
            requireOk(response, "write of " + path);
            return Integer.parseInt(response.getData().get("version"));
        } catch (VaultException e) {
            throw new VaultUnavailableException("write of " + path, e);
        }
    }

    /**
     * Writes a new version only if the current one is {@code expectedVersion} (0: the secret must not
     * exist yet) — Vault's check-and-set, so a retried step never adds a second version.
     *
     * @throws VersionConflictException when another version was written in between
     */
    public int write(SecretPath path, Map<String, String> values, int expectedVersion) {
        try {
            LogicalResponse response = session.kv()
                    .logical()
                    .write(
                            fullPath(path),
                            new LinkedHashMap<>(values),
                            null,
                            new WriteOptions()
                                    .checkAndSet((long) expectedVersion)
                                    .build());
            int status = response.getRestResponse().getStatus();
            if (status == 400
                    && new String(response.getRestResponse().getBody(), StandardCharsets.UTF_8)
                            .contains("check-and-set")) {
                throw new VersionConflictException(path, expectedVersion);
            }
            requireOk(response, "write of " + path);
            return Integer.parseInt(response.getData().get("version"));
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 400) {
                throw new VersionConflictException(path, expectedVersion);
            }
            throw new VaultUnavailableException("write of " + path, e);
        }
    }

    /**
     * KV v2 rollback: the values of {@code version} become current again as a new version (the
     * versions in between stay until destroyed). Check-and-set against {@code expectedCurrent}.
     */
    public int rollback(SecretPath path, int version, int expectedCurrent) {
        return write(path, read(path, version).values(), expectedCurrent);
    }

    /** The secret's versions and custom metadata. */
    public SecretMetadata metadata(SecretPath path) {
        try {
            LogicalResponse response = session.plain().logical().read(metadataPath(path));
            if (response.getRestResponse().getStatus() == 404) {
                throw new SecretNotFoundException(path, 0);
            }
            requireOk(response, "metadata of " + path);
            JsonObject data = response.getDataObject();
            Map<String, String> custom = new LinkedHashMap<>();
            JsonValue customValue = data.get("custom_metadata");
            if (customValue != null && customValue.isObject()) {
                for (JsonObject.Member member : customValue.asObject()) {
                    custom.put(member.getName(), member.getValue().asString());
                }
            }
            List<Integer> live = new ArrayList<>();
            JsonValue versions = data.get("versions");
            if (versions != null && versions.isObject()) {
                for (JsonObject.Member member : versions.asObject()) {
                    JsonObject version = member.getValue().asObject();
                    boolean destroyed = version.getBoolean("destroyed", false);
                    String deletedAt = version.getString("deletion_time", "");
                    if (!destroyed && deletedAt.isEmpty()) {
                        live.add(Integer.parseInt(member.getName()));
                    }
                }
            }
            live.sort(null);
            return new SecretMetadata(path, data.getInt("current_version", 0), List.copyOf(live), custom);
        } catch (VaultException e) {
            throw new VaultUnavailableException("metadata of " + path, e);
        }
    }

    /** Replaces the secret's custom metadata (broker, creator, expiry, rotation policy: never secrets). */
    public void writeMetadata(SecretPath path, Map<String, String> custom) {
        JsonObject customJson = new JsonObject();
        custom.forEach(customJson::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("custom_metadata", customJson);
        try {
            requireOk(session.plain().logical().write(metadataPath(path), body), "metadata write of " + path);
        } catch (VaultException e) {
            throw new VaultUnavailableException("metadata write of " + path, e);
        }
    }

    /** Destroys the given versions for good; the others stay. Idempotent. */
    public void destroyVersions(SecretPath path, List<Integer> versions) {
        if (versions.isEmpty()) {
            return;
        }
        try {
            LogicalResponse response = session.kv()
                    .logical()
                    .destroy(
                            fullPath(path),
                            versions.stream().mapToInt(Integer::intValue).toArray());
            requireOk(response, "destroy of versions of " + path);
        } catch (VaultException e) {
            throw new VaultUnavailableException("destroy of versions of " + path, e);
        }
    }

    /** The current version. */
    public VersionedSecret read(SecretPath path) {
        return read(path, 0);
    }

    /** A given version; {@code 0} means the current one. */
    public VersionedSecret read(SecretPath path, int version) {
        try {
            LogicalResponse response = session.kv().logical().read(fullPath(path), true, version);
            if (response.getRestResponse().getStatus() == 404) {
                throw new SecretNotFoundException(path, version);
            }
            requireOk(response, "read of " + path);
            Long readVersion = response.getDataMetadata().getVersion();
            return new VersionedSecret(
                    path, readVersion == null ? version : readVersion.intValue(), response.getData());
        } catch (VaultException e) {
            throw new VaultUnavailableException("read of " + path, e);
        }
    }

    /**
     * A platform setting ops keep in Vault ({@code <mount>/platform/<name>}, read only for the engine),
     * or empty when it is not set up.
     */
    public java.util.Optional<Map<String, String>> platformSetting(String name) {
        if (name == null || !SEGMENT.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, '.', '_' or '-'");
        }
        try {
            LogicalResponse response = session.kv().logical().read(properties.kvMount() + "/platform/" + name);
            if (response.getRestResponse().getStatus() == 404) {
                return java.util.Optional.empty();
            }
            requireOk(response, "read of platform/" + name);
            return java.util.Optional.of(Map.copyOf(response.getData()));
        } catch (VaultException e) {
            throw new VaultUnavailableException("read of platform/" + name, e);
        }
    }

    /** Destroys every version and the metadata of a secret; nothing of it stays in Vault. Idempotent. */
    public void destroy(SecretPath path) {
        try {
            LogicalResponse response = session.plain().logical().delete(properties.kvMount() + "/metadata/" + path);
            if (response.getRestResponse().getStatus() != 404) {
                requireOk(response, "destroy of " + path);
            }
        } catch (VaultException e) {
            throw new VaultUnavailableException("destroy of " + path, e);
        }
    }

    /** The driver returns 4xx answers instead of throwing; a refusal must not pass as an empty secret. */
    private static void requireOk(LogicalResponse response, String operation) {
        int status = response.getRestResponse().getStatus();
        if (status < 200 || status > 299) {
            throw new VaultUnavailableException(operation, new VaultException("HTTP " + status, status));
        }
    }

    private String metadataPath(SecretPath path) {
        return properties.kvMount() + "/metadata/" + path;
    }

    private String fullPath(SecretPath path) {
        return properties.kvMount() + "/" + path;
    }

    /** Where a partner's secret lives; both parts are checked so a path can never escape the partner's folder. */
    public record SecretPath(String partner, String name) {

        public SecretPath {
            requireSegment("partner", partner);
            requireSegment("name", name);
        }

        private static void requireSegment(String what, String value) {
            if (value == null || !SEGMENT.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must be lower-case letters, digits, '.', '_' or '-'");
            }
        }

        @Override
        public String toString() {
            return "partners/" + partner + "/" + name;
        }
    }

    /** A secret's values at one version. {@link #toString()} never shows the values. */
    public record VersionedSecret(SecretPath path, int version, Map<String, String> values) {

        public VersionedSecret {
            values = Map.copyOf(values);
        }

        @Override
        public String toString() {
            return "VersionedSecret[" + path + " v" + version + ", keys=" + values.keySet() + "]";
        }
    }

    /** A secret's live versions (neither deleted nor destroyed), oldest first, and its custom metadata. */
    public record SecretMetadata(
            SecretPath path, int currentVersion, List<Integer> liveVersions, Map<String, String> custom) {}

    /** Check-and-set failed: the secret is not at the version the writer expected. */
    public static class VersionConflictException extends RuntimeException {
        VersionConflictException(SecretPath path, int expected) {
            super("The secret at " + path + " is no longer at version " + expected);
        }
    }

    public static class SecretNotFoundException extends RuntimeException {
        SecretNotFoundException(SecretPath path, int version) {
            super("No secret at " + path + (version > 0 ? " version " + version : ""));
        }
    }
}
