package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.system.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement links in alert messages: signed (HMAC with a key only Vault can unwrap, so nobody can
 * make one up or change the alert it names), expiring, and single use (a used link's nonce is kept, so a
 * replay answers 410).
 */
@Component
class AckLinks {

    /** What a link says: this alert, sent at this level on this channel, acknowledgeable until then. */
    record Link(String alertId, int level, String channel, Instant expiresAt, String nonce) {}

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final AckLinkKey key;
    private final JdbcClient db;
    private final AlertPolicy policy;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AckLinks(AckLinkKey key, JdbcClient db, AlertPolicy policy, Clock clock) {
        this.key = key;
        this.db = db;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new link token for one message. */
    String create(String alertId, int level, String channel) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = String.join(
                "|",
                "v1",
                alertId,
                String.valueOf(level),
                channel,
                String.valueOf(clock.instant().plus(policy.ackLinkTtl()).getEpochSecond()),
                HexFormat.of().formatHex(nonce));
        // "~", not ".": the token is the last segment of a UI route, which must not look like a file name.
        return encode(payload) + "~" + URL.encodeToString(signature(payload));
    }

    /**
     * The link a token stands for, if it is genuine, unexpired and unused.
     *
     * @throws Refusal 400 when it is not a link of ours, 410 when it expired or was used
     */
    Link open(String token) {
        Link link = verified(token);
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw Refusal.of(HttpStatus.GONE, "alert-link-expired", "This acknowledgement link has expired.");
        }
        boolean used = db.sql("select count(*) from alert_ack_link_used where nonce = :nonce")
                        .param("nonce", link.nonce())
                        .query(Integer.class)
                        .single()
                > 0;
        if (used) {
            throw used();
        }
        return link;
    }

    /** Marks the link used, in the caller's transaction; a second use (also a concurrent one) is refused. */
    void use(Link link) {
        try {
            db.sql("insert into alert_ack_link_used (nonce, alert_id, used_at) values (:nonce, :alert, :at)")
                    .param("nonce", link.nonce())
                    .param("alert", link.alertId())
                    .param("at", AlertRepository.time(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw used();
        }
    }

    private Link verified(String token) {
        String[] parts = token == null ? new String[0] : token.split("~");
        if (parts.length == 2) {
            try {
                String payload = decode(parts[0]);
                String[] fields = payload.split("\\|");
                boolean genuine = MessageDigest.isEqual(signature(payload), URL_DECODER.decode(parts[1]));
                if (fields.length == 6 && fields[0].equals("v1") && genuine) {
                    return new Link(
                            fields[1],
                            Integer.parseInt(fields[2]),
                            fields[3],
                            Instant.ofEpochSecond(Long.parseLong(fields[4])),
                            fields[5]);
                }
            } catch (IllegalArgumentException e) {
                // not base64 or not numbers: not a link of ours
            }
        }
        throw Refusal.of(HttpStatus.BAD_REQUEST, "alert-link-invalid", "This is not a valid acknowledgement link.");
    }

    /** The signature of a payload; also what a test would need to forge a link. */
    byte[] signature(String payload) {
        return key.sign(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Refusal used() {
        return Refusal.of(HttpStatus.GONE, "alert-link-used", "This acknowledgement link was used already.");
    }

    private static String encode(String value) {
        return URL.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(URL_DECODER.decode(value), StandardCharsets.UTF_8);
    }
}
