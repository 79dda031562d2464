package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.LinkedHashMap;
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

    public static class SecretNotFoundException extends RuntimeException {
        SecretNotFoundException(SecretPath path, int version) {
            super("No secret at " + path + (version > 0 ? " version " + version : ""));
        }
    }
}
