package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring hand-overs through Vault response wrapping: the values live only inside Vault's
 * cubbyhole until the wrapping token is unwrapped once (or expires). The wrapping token is what a link
 * carries; the values never leave Vault before that one unwrap.
 */
@Component
public class VaultWrapping {

    /** The longest a wrapped hand-over may live. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private final VaultSession session;

    VaultWrapping(VaultSession session) {
        this.session = session;
    }

    /** Wraps the values for at most {@code ttl}; returns the wrapping token. */
    public String wrap(Map<String, String> values, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be between 1 second and " + MAX_TTL);
        }
        JsonObject data = new JsonObject();
        values.forEach(data::add);
        try {
            return session.plain().auth().wrap(data, (int) ttl.toSeconds()).getToken();
        } catch (VaultException e) {
            throw new VaultUnavailableException("wrap", e);
        }
    }

    /**
     * Unwraps once.
     *
     * @throws WrappedSecretGoneException when the token was already used, has expired or never existed
     */
    public Map<String, String> unwrap(String wrappingToken) {
        try {
            JsonObject data = session.plain().auth().unwrap(wrappingToken, true).getData();
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonObject.Member member : data) {
                JsonValue value = member.getValue();
                values.put(member.getName(), value.isString() ? value.asString() : value.toString());
            }
            return values;
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 400 || e.getHttpStatusCode() == 403 || e.getHttpStatusCode() == 404) {
                throw new WrappedSecretGoneException();
            }
            throw new VaultUnavailableException("unwrap", e);
        }
    }

    /** The hand-over was opened before, has expired, or never existed: Vault cannot tell these apart. */
    public static class WrappedSecretGoneException extends RuntimeException {
        WrappedSecretGoneException() {
            super("The wrapped secret was already opened or has expired");
        }
    }
}
