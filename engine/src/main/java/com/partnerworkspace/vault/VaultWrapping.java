package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring hand-overs through Vault response wrapping: the values live only inside Vault's
 * cubbyhole until the wrapping token is unwrapped once (or expires).
 *
 * <p>Features get a {@link SealedHandOver}: the wrapping token encrypted with the engine's transit key.
 * Whoever can reach Vault still cannot unwrap with it (only the engine's own login can decrypt it), so a
 * link carries an opaque id of the feature's choosing and the database keeps the sealed token; the
 * plain wrapping token never leaves this class.
 */
@Component
public class VaultWrapping {

    private static final Logger log = LoggerFactory.getLogger(VaultWrapping.class);

    /** The longest a wrapped hand-over may live. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private final VaultSession session;
    private final VaultTransit transit;

    VaultWrapping(VaultSession session, VaultTransit transit) {
        this.session = session;
        this.transit = transit;
    }

    /** Wraps the values for at most {@code ttl} and seals the wrapping token with the transit key. */
    public SealedHandOver seal(Map<String, String> values, Duration ttl) {
        String token = wrap(values, ttl);
        return new SealedHandOver(transit.encrypt(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Opens a sealed hand-over once.
     *
     * @throws WrappedSecretGoneException when it was opened before, has expired or never existed
     */
    public Map<String, String> open(SealedHandOver sealed) {
        return unwrap(new String(transit.decrypt(sealed.ciphertext()), StandardCharsets.UTF_8));
    }

    /**
     * Makes sure nobody opens it any more: unwraps it and drops the values. Already gone is fine; when Vault
     * cannot be reached the caller has still forgotten the sealed token, and the values expire with it.
     */
    public void burn(SealedHandOver sealed) {
        try {
            open(sealed);
        } catch (WrappedSecretGoneException gone) {
            // Opened or expired already: nothing left to burn.
        } catch (VaultUnavailableException e) {
            log.warn("A hand-over could not be burnt now; it expires unopened ({})", e.getMessage());
        }
    }

    /** Wraps the values for at most {@code ttl}; returns the plain wrapping token (this package only). */
    String wrap(Map<String, String> values, Duration ttl) {
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
    Map<String, String> unwrap(String wrappingToken) {
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

    /**
     * A wrapping token encrypted with the engine's transit key ({@code vault:v1:...}): safe to keep in the
     * database, useless without the engine's Vault login. {@link #toString()} does not show it.
     */
    public record SealedHandOver(String ciphertext) {

        public SealedHandOver {
            if (ciphertext == null || !ciphertext.startsWith("vault:")) {
                throw new IllegalArgumentException("not a sealed hand-over");
            }
        }

        @Override
        public String toString() {
            return "SealedHandOver[...]";
        }
    }

    /** The hand-over was opened before, has expired, or never existed: Vault cannot tell these apart. */
    public static class WrappedSecretGoneException extends RuntimeException {
        WrappedSecretGoneException() {
            super("The wrapped secret was already opened or has expired");
        }
    }
}
