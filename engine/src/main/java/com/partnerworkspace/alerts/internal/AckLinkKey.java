package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.vault.VaultTransit;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs acknowledgement links (HMAC-SHA-256). Made once by whichever engine node needs it
 * first, stored only as Vault transit ciphertext (envelope encryption), and unwrapped by Vault once per
 * node: every node signs and checks alike, without a Vault call per link.
 */
@Component
class AckLinkKey {

    private static final String NAME = "ack-links";

    private final JdbcClient db;
    private final VaultTransit transit;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile SecretKeySpec key;

    AckLinkKey(JdbcClient db, VaultTransit transit, Clock clock) {
        this.db = db;
        this.transit = transit;
        this.clock = clock;
    }

    byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(transit.decrypt(wrappedKey()), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    /** The stored ciphertext, made (and stored) first if there is none; a node that loses the race reads the winner's. */
    private String wrappedKey() {
        Optional<String> stored = stored();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try {
            db.sql("insert into signing_key (name, wrapped, created_at) values (:name, :wrapped, :at)")
                    .param("name", NAME)
                    .param("wrapped", transit.encrypt(fresh))
                    .param("at", AlertRepository.time(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // another node made it a moment ago
        }
        return stored().orElseThrow();
    }

    private Optional<String> stored() {
        return db.sql("select wrapped from signing_key where name = :name")
                .param("name", NAME)
                .query(String.class)
                .optional();
    }
}
