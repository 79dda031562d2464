package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.JdbcRows;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultWrapping;
import com.partnerworkspace.vault.VaultWrapping.SealedHandOver;
import com.partnerworkspace.vault.VaultWrapping.WrappedSecretGoneException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bot's secret reaches the partner only through a single-use, expiring link: Vault wraps the secret,
 * the link carries an opaque id in its fragment (browsers never send fragments to servers, so it is in
 * no access log), and the engine keeps the id's hash, who the link was sent to, and the wrapping token
 * sealed with its transit key. Opening checks the caller first: only the person it was sent to unwraps
 * it, once; anyone else is refused and the link stays good. A second open finds nothing (410).
 */
@Component
class BotSecretLinks {

    static final String PAGE = "/delegations/bot-secret";
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VaultSecrets secrets;
    private final VaultWrapping wrapping;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;
    private final JdbcClient db;
    private final Clock clock;
    private final String publicUrl;
    private final Duration ttl;

    BotSecretLinks(
            VaultSecrets secrets,
            VaultWrapping wrapping,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events,
            JdbcClient db,
            @Value("${workspace.public-url}") String publicUrl,
            @Value("${workspace.delegations.bot-link-ttl:PT4H}") Duration ttl,
            Clock clock) {
        this.secrets = secrets;
        this.wrapping = wrapping;
        this.partnerAccess = partnerAccess;
        this.events = events;
        this.db = db;
        this.publicUrl = publicUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh link for the bot's secret, for the delegation's requester; audited without the id. */
    URI create(Delegation delegation) {
        Map<String, String> secret = secrets.read(
                        DelegationSteps.botSecretPath(delegation.partner(), delegation.botClientId()))
                .values();
        SealedHandOver sealed = wrapping.seal(
                Map.of("clientId", secret.get("clientId"), "clientSecret", secret.get("clientSecret")), ttl);
        String linkId = newLinkId();
        db.sql("""
                        insert into bot_secret_link (id_hash, delegation_id, partner, client_id, sent_to, expires_at,
                            wrapped_token)
                        values (:hash, :delegationId, :partner, :clientId, :sentTo, :expiresAt, :sealed)""")
                .param("hash", hash(linkId))
                .param("delegationId", delegation.id())
                .param("partner", delegation.partner())
                .param("clientId", delegation.botClientId())
                .param("sentTo", delegation.requester())
                .param("expiresAt", JdbcRows.time(clock.instant().plus(ttl)))
                .param("sealed", sealed.ciphertext())
                .update();
        events.publishEvent(new AuditEvent(
                AuditEvent.SYSTEM,
                delegation.partner(),
                "delegation.bot-link-created",
                delegation.target(),
                Map.of(
                        "clientId",
                        delegation.botClientId(),
                        "expiresIn",
                        ttl.toString(),
                        "sentTo",
                        delegation.requester())));
        return URI.create(publicUrl + PAGE + "#" + linkId);
    }

    record BotCredentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "BotCredentials[" + clientId + "]";
        }
    }

    /**
     * Opens a link once, for the person it was sent to (who must still act for the partner). Anyone else
     * is refused before anything is unwrapped, so nobody can spend someone else's link.
     */
    @Transactional(noRollbackFor = Refusal.class)
    BotCredentials open(WorkspaceUser user, String linkId) {
        Link link = liveLink(linkId);
        String target = "delegation/" + link.delegationId();
        if (!link.sentTo().equals(user.username()) || !partnerAccess.mayActFor(user, link.partner())) {
            events.publishEvent(new AuditEvent(
                    user.username(),
                    link.partner(),
                    "delegation.bot-link-refused",
                    target,
                    Map.of("clientId", link.clientId())));
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-your-bot", "This link was sent to someone else; it stays unopened.");
        }
        claim(link);
        Map<String, String> values;
        try {
            values = wrapping.open(link.sealed());
        } catch (WrappedSecretGoneException e) {
            throw gone();
        }
        events.publishEvent(new AuditEvent(
                user.username(),
                link.partner(),
                "delegation.bot-link-opened",
                target,
                Map.of("clientId", link.clientId())));
        return new BotCredentials(values.get("clientId"), values.get("clientSecret"));
    }

    private Link liveLink(String linkId) {
        if (linkId == null || !LINK_ID.matcher(linkId).matches()) {
            throw gone();
        }
        Link link = db.sql("select * from bot_secret_link where id_hash = :hash")
                .param("hash", hash(linkId))
                .query((rs, row) -> new Link(
                        rs.getString("id_hash"),
                        rs.getString("delegation_id"),
                        rs.getString("partner"),
                        rs.getString("client_id"),
                        rs.getString("sent_to"),
                        JdbcRows.instant(rs, "expires_at"),
                        rs.getString("wrapped_token")))
                .optional()
                .orElseThrow(BotSecretLinks::gone);
        if (link.wrappedToken() == null || !link.expiresAt().isAfter(clock.instant())) {
            throw gone();
        }
        return link;
    }

    /** Only one caller opens it: the sealed token is taken out of the row as the link is marked opened. */
    private void claim(Link link) {
        int claimed = db.sql("""
                        update bot_secret_link set opened_at = :now, wrapped_token = null
                        where id_hash = :hash and opened_at is null""")
                .param("now", JdbcRows.time(clock.instant()))
                .param("hash", link.idHash())
                .update();
        if (claimed != 1) {
            throw gone();
        }
    }

    private static String newLinkId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String hash(String linkId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(linkId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Refusal gone() {
        return Refusal.of(HttpStatus.GONE, "link-used-or-expired", "This link was opened before or has expired.");
    }

    private record Link(
            String idHash,
            String delegationId,
            String partner,
            String clientId,
            String sentTo,
            Instant expiresAt,
            String wrappedToken) {

        SealedHandOver sealed() {
            return new SealedHandOver(wrappedToken);
        }
    }
}
