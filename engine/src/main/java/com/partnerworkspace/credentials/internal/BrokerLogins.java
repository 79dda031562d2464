package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerAdapter.Login;
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
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Broker login attempts. The {@code state} sent to the broker is random, bound to one process instance,
 * single use and expiring; only its hash is stored, so the table cannot be replayed from.
 */
@Component
class BrokerLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final URI redirectUri;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    BrokerLogins(
            JdbcClient db,
            @Value("${workspace.public-url}") String publicUrl,
            @Value("${workspace.credentials.login-timeout:PT30M}") Duration lifetime) {
        this.db = db;
        this.redirectUri = URI.create(publicUrl + "/api/brokers/callback");
        this.lifetime = lifetime;
    }

    /** A new attempt for the connection; earlier unused ones of it stop working. */
    Login begin(String connectionId, String processInstanceId) {
        db.sql("delete from broker_login where connection_id = :id")
                .param("id", connectionId)
                .update();
        Login login = new Login(random(24), random(48), redirectUri);
        db.sql("""
                        insert into broker_login (state_hash, connection_id, process_instance_id, code_verifier, expires_at)
                        values (:hash, :connectionId, :processInstanceId, :verifier, :expiresAt)""")
                .param("hash", hash(login.state()))
                .param("connectionId", connectionId)
                .param("processInstanceId", processInstanceId)
                .param("verifier", login.codeVerifier())
                .param("expiresAt", ConnectionRepository.time(clock.instant().plus(lifetime)))
                .update();
        return login;
    }

    /** Uses up the attempt a callback's {@code state} names; empty when unknown, used or expired. */
    Optional<Attempt> consume(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(state);
        int claimed = db.sql("""
                        update broker_login set used_at = :now
                        where state_hash = :hash and used_at is null and expires_at > :now""")
                .param("now", ConnectionRepository.time(clock.instant()))
                .param("hash", hash)
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return db.sql(
                        "select connection_id, process_instance_id, code_verifier from broker_login where state_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new Attempt(
                        rs.getString("connection_id"),
                        rs.getString("process_instance_id"),
                        new Login(state, rs.getString("code_verifier"), redirectUri)))
                .optional();
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
