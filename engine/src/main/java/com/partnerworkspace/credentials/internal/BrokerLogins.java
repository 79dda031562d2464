package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.system.JdbcRows;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Broker login attempts. The {@code state} sent to the broker is random, bound to one process instance,
 * single use and expiring; only its hash is stored, so the table cannot be replayed from. Each attempt
 * is also bound to the browser that started it: a random binding value that only that browser holds
 * (in a cookie, see {@link BrowserBindingCookie}), stored as a hash. A callback from any other browser
 * completes nothing, so a login link handed to someone else cannot put their broker tokens into the
 * starter's connection.
 */
@Component
class BrokerLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final URI redirectUri;
    private final Duration lifetime;
    private final Clock clock;

    BrokerLogins(
            JdbcClient db,
            @Value("${workspace.public-url}") String publicUrl,
            @Value("${workspace.credentials.login-timeout:PT30M}") Duration lifetime,
            Clock clock) {
        this.db = db;
        this.redirectUri = URI.create(publicUrl + "/api/brokers/callback");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * A new attempt for the connection; earlier unused ones of it stop working. The answer carries the
     * browser binding for the starter's browser; it is not kept anywhere else.
     */
    Begun begin(String connectionId, String processInstanceId) {
        db.sql("delete from broker_login where connection_id = :id")
                .param("id", connectionId)
                .update();
        Login login = new Login(random(24), random(48), redirectUri);
        String browserBinding = random(32);
        db.sql("""
                        insert into broker_login (state_hash, connection_id, process_instance_id, code_verifier, binding_hash, expires_at)
                        values (:hash, :connectionId, :processInstanceId, :verifier, :bindingHash, :expiresAt)""")
                .param("hash", hash(login.state()))
                .param("connectionId", connectionId)
                .param("processInstanceId", processInstanceId)
                .param("verifier", login.codeVerifier())
                .param("bindingHash", hash(browserBinding))
                .param("expiresAt", JdbcRows.time(clock.instant().plus(lifetime)))
                .update();
        return new Begun(login, browserBinding);
    }

    /**
     * Uses up the attempt a callback's {@code state} names, if the callback comes from the browser that
     * started it ({@code browserBindingOf} answers the binding that browser sent for a connection). An
     * attempt is used up only by its own browser: from anywhere else it stays as it was.
     */
    Claim claim(String state, Function<String, Optional<String>> browserBindingOf) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return new Unknown();
        }
        String hash = hash(state);
        Optional<Pending> pending = db.sql("""
                        select connection_id, binding_hash from broker_login
                        where state_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", hash)
                .param("now", JdbcRows.time(clock.instant()))
                .query((rs, row) -> new Pending(rs.getString("connection_id"), rs.getString("binding_hash")))
                .optional();
        if (pending.isEmpty()) {
            return new Unknown();
        }
        String connectionId = pending.get().connectionId();
        if (!pending.get().boundTo(browserBindingOf.apply(connectionId))) {
            return new StartedElsewhere(connectionId);
        }
        int claimed = db.sql("""
                        update broker_login set used_at = :now
                        where state_hash = :hash and used_at is null and expires_at > :now""")
                .param("now", JdbcRows.time(clock.instant()))
                .param("hash", hash)
                .update();
        if (claimed != 1) {
            return new Unknown();
        }
        return db.sql(
                        "select connection_id, process_instance_id, code_verifier from broker_login where state_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> (Claim) new Claimed(new Attempt(
                        rs.getString("connection_id"),
                        rs.getString("process_instance_id"),
                        new Login(state, rs.getString("code_verifier"), redirectUri))))
                .optional()
                .orElseGet(Unknown::new);
    }

    void forget(String connectionId) {
        db.sql("delete from broker_login where connection_id = :id")
                .param("id", connectionId)
                .update();
    }

    /** The login a callback completes, rebuilt from what the process was handed. */
    Login login(String state, String codeVerifier) {
        return new Login(state, codeVerifier, redirectUri);
    }

    /** Callback parameters as one form-encoded string (what a transient process variable can carry). */
    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                parameters.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    /** A login to probe the broker with; never stored, never usable for a callback. */
    Login probe() {
        return new Login(random(24), random(48), redirectUri);
    }

    Duration lifetime() {
        return lifetime;
    }

    record Attempt(String connectionId, String processInstanceId, Login login) {}

    /** A started attempt and the binding value for the browser that started it. */
    record Begun(Login login, String browserBinding) {
        @Override
        public String toString() {
            return "Begun[" + login + "]";
        }
    }

    /** What a callback's {@code state} comes to. */
    sealed interface Claim permits Claimed, StartedElsewhere, Unknown {}

    /** The attempt is used up by this callback: its code may be exchanged. */
    record Claimed(Attempt attempt) implements Claim {}

    /** A live attempt, but the callback does not come from the browser that started it: nothing changed. */
    record StartedElsewhere(String connectionId) implements Claim {}

    /** No such attempt, or it was used or has expired. */
    record Unknown() implements Claim {}

    private record Pending(String connectionId, String bindingHash) {

        /** Compared in constant time; an attempt stored without a binding matches no browser. */
        boolean boundTo(Optional<String> browserBinding) {
            return bindingHash != null
                    && browserBinding.isPresent()
                    && MessageDigest.isEqual(
                            bindingHash.getBytes(StandardCharsets.UTF_8),
                            hash(browserBinding.get()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
