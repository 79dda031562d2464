package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.credentials.internal.ShareRequestValidator.Recipient;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.JdbcRows;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.vault.VaultWrapping;
import com.partnerworkspace.vault.VaultWrapping.SealedHandOver;
import com.partnerworkspace.vault.VaultWrapping.WrappedSecretGoneException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.SimpleErrors;

/**
 * Share links: the credential's values are wrapped in Vault (single use, expiring) and the link carries
 * only an opaque random id. The engine keeps the id's hash and the wrapping token sealed with its transit
 * key, so neither the link nor the database opens anything in Vault. Opening needs a one-time code mailed
 * to the recipient; a link takes at most {@value #MAX_ATTEMPTS} wrong codes in its whole life, then it is
 * burnt. Recipients are the partner's own people, or an outside address the sharer names on purpose.
 */
@Service
class CredentialShares {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_EMAIL_LENGTH = ShareRequestValidator.MAX_EMAIL_LENGTH;
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionService connections;
    private final VaultWrapping wrapping;
    private final KeycloakDirectory directory;
    private final ShareRequestValidator requests;
    private final Notifier notifier;
    private final PartnerAccess partnerAccess;
    private final JdbcClient db;
    private final String publicUrl;

    CredentialShares(
            ConnectionService connections,
            VaultWrapping wrapping,
            KeycloakDirectory directory,
            ShareRequestValidator requests,
            Notifier notifier,
            PartnerAccess partnerAccess,
            JdbcClient db,
            @Value("${workspace.public-url}") String publicUrl) {
        this.connections = connections;
        this.wrapping = wrapping;
        this.directory = directory;
        this.requests = requests;
        this.notifier = notifier;
        this.partnerAccess = partnerAccess;
        this.db = db;
        this.publicUrl = publicUrl;
    }

    record ShareRequest(
            @Schema(
                    description = "Username of one of the partner's people: its own users, its team, or a"
                            + " delegate holding a live grant for it. Give this or outsideEmail.",
                    maxLength = 64)
            @Size(max = 64)
            String recipient,

            @Schema(
                    description = "An email address outside the partner, named on purpose (audited as an"
                            + " outside share). Give this or recipient.",
                    maxLength = MAX_EMAIL_LENGTH)
            @Size(max = MAX_EMAIL_LENGTH)
            String outsideEmail,

            @Schema(description = "How long the link works, ISO-8601, at most PT24H", example = "PT15M", maxLength = 32)
            @Size(max = 32)
            String ttl) {}

    record ShareLink(URI url, String recipient, Instant expiresAt) {}

    record CodeSent(String recipientHint, Instant codeExpiresAt) {}

    record SharedCredential(String label, String broker, Map<String, String> values) {
        @Override
        public String toString() {
            return "SharedCredential[" + label + "]";
        }
    }

    @Transactional
    ShareLink create(WorkspaceUser user, String id, ShareRequest request) {
        Connection connection = connections.owned(user, id);
        partnerAccess.requireFreshMfa(user, ConnectionService.REVEAL_MFA_MAX_AGE);
        ShareRequest checked = request == null ? new ShareRequest(null, null, null) : request;
        Errors errors = new SimpleErrors(checked, "shareRequest");
        requests.forPartner(connection.partner()).validate(checked, errors);
        if (errors.hasErrors()) {
            throw Refusal.invalid(errors);
        }
        Recipient recipient = requests.recipientOf(connection.partner(), checked);
        Duration ttl = requests.ttlOf(checked);
        SealedHandOver sealed = wrapping.seal(connections.usableValues(connection, "share"), ttl);
        String linkId = newLinkId();
        Instant expiresAt = connections.now().plus(ttl);
        db.sql("""
                        insert into credential_share (token_hash, connection_id, partner, recipient, outside_email,
                            created_by, expires_at, wrapped_token)
                        values (:hash, :connectionId, :partner, :recipient, :outsideEmail, :createdBy, :expiresAt,
                            :sealed)""")
                .param("hash", BrokerLogins.hash(linkId))
                .param("connectionId", id)
                .param("partner", connection.partner())
                .param("recipient", recipient.username())
                .param("outsideEmail", recipient.outside() ? recipient.email() : null)
                .param("createdBy", user.username())
                .param("expiresAt", JdbcRows.time(expiresAt))
                .param("sealed", sealed.ciphertext())
                .update();
        URI url = URI.create(publicUrl + "/share/" + linkId);
        auditCreated(user, connection, recipient, ttl, expiresAt);
        notifier.email(
                List.of(recipient.email()),
                new Notification(
                        user.username() + " shared a credential with you",
                        user.username() + " shared the credential of \"" + connection.label()
                                + "\" with you. The link works once, until " + expiresAt
                                + "; opening it sends a one-time code to this address.",
                        List.of(new Link("Open the shared credential", url))));
        return new ShareLink(url, recipient.name(), expiresAt);
    }

    private void auditCreated(
            WorkspaceUser user, Connection connection, Recipient recipient, Duration ttl, Instant expiresAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(recipient.outside() ? "outsideEmail" : "recipient", recipient.name());
        details.put("ttl", ttl.toString());
        details.put("expiresAt", expiresAt.toString());
        connections.audit(
                user.username(),
                connection,
                recipient.outside() ? "credential.share-created-outside" : "credential.share-created",
                details);
    }

    /**
     * Mails a fresh one-time code to the recipient; earlier codes stop working. Wrong codes counted so far
     * stay counted: a new code is no new set of guesses.
     */
    @Transactional
    CodeSent sendCode(String linkId) {
        Share share = liveShare(linkId);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant codeExpiresAt = connections.now().plus(CODE_LIFETIME);
        int updated = db.sql("""
                        update credential_share set code_hash = :code, code_expires_at = :until
                        where token_hash = :hash and opened_at is null""")
                .param("code", codeHash(linkId, code))
                .param("until", JdbcRows.time(codeExpiresAt))
                .param("hash", share.idHash())
                .update();
        if (updated != 1) {
            throw gone();
        }
        String email = recipientEmail(share);
        // The code goes in the body only: subjects show in mail lists, notifications and logs.
        notifier.email(
                List.of(email),
                new Notification(
                        "Your one-time code for a shared credential",
                        "Enter " + code + " to open the credential shared with you. It works for "
                                + CODE_LIFETIME.toMinutes() + " minutes.",
                        List.of()));
        return new CodeSent(hint(email), codeExpiresAt);
    }

    private String recipientEmail(Share share) {
        if (share.outsideEmail() != null) {
            return share.outsideEmail();
        }
        return directory
                .find(share.recipient())
                .map(Person::email)
                .filter(email -> !email.isBlank())
                .orElseThrow(CredentialShares::gone);
    }

    /**
     * Opens the link once. A wrong code counts, atomically in the database however many arrive at once;
     * the {@value #MAX_ATTEMPTS}th burns the link (the wrapped values are unwrapped and dropped).
     */
    @Transactional(noRollbackFor = Refusal.class)
    SharedCredential open(String linkId, String code) {
        Share share = liveShare(linkId);
        if (share.codeHash() == null || share.codeExpiresAt().isBefore(connections.now())) {
            throw invalidCode(
                    "Ask for a one-time code first; codes work for 10 minutes.", MAX_ATTEMPTS - share.attempts());
        }
        if (code == null
                || !MessageDigest.isEqual(
                        share.codeHash().getBytes(StandardCharsets.UTF_8),
                        codeHash(linkId, code.strip()).getBytes(StandardCharsets.UTF_8))) {
            throw countWrongCode(share);
        }
        claim(share);
        Map<String, String> values;
        try {
            values = wrapping.open(share.sealed());
        } catch (WrappedSecretGoneException e) {
            throw gone();
        }
        Connection connection = connections.get(share.connectionId());
        connections.audit(
                share.recipientName(), connection, "credential.share-opened", Map.of("sharedBy", share.createdBy()));
        return new SharedCredential(connection.label(), connection.broker(), values);
    }

    /**
     * Ends every link of the connection not opened yet (its connection was revoked): asking for a code
     * and opening answer 410 from now on, and each link's wrapped values are unwrapped away at once.
     * Answers how many links it ended; a second call ends none.
     */
    @Transactional
    int endOpenSharesOf(String connectionId) {
        List<String> sealedTokens = db.sql("""
                        select wrapped_token from credential_share
                        where connection_id = :connectionId and opened_at is null and ended_at is null
                        and wrapped_token is not null""")
                .param("connectionId", connectionId)
                .query(String.class)
                .list();
        int ended = db.sql("""
                        update credential_share set ended_at = :now, wrapped_token = null, code_hash = null
                        where connection_id = :connectionId and opened_at is null and ended_at is null""")
                .param("now", JdbcRows.time(connections.now()))
                .param("connectionId", connectionId)
                .update();
        sealedTokens.forEach(token -> wrapping.burn(new SealedHandOver(token)));
        return ended;
    }

    /**
     * Counts one wrong code with a conditional update, so parallel guesses are never lost and never go
     * past the limit; a guess that finds the link burnt or opened is not counted and answers 410.
     */
    private Refusal countWrongCode(Share share) {
        int counted = db.sql("""
                        update credential_share set attempts = attempts + 1
                        where token_hash = :hash and opened_at is null and attempts < :max""")
                .param("hash", share.idHash())
                .param("max", MAX_ATTEMPTS)
                .update();
        if (counted != 1) {
            return gone();
        }
        int attempts = db.sql("select attempts from credential_share where token_hash = :hash")
                .param("hash", share.idHash())
                .query(Integer.class)
                .single();
        if (attempts < MAX_ATTEMPTS) {
            return invalidCode("The one-time code is not right.", MAX_ATTEMPTS - attempts);
        }
        burn(share);
        return invalidCode("The one-time code is not right. The link is now used up; ask for a new one.", 0);
    }

    /** After the last wrong code: the link is closed, the sealed token forgotten and the values unwrapped away. */
    private void burn(Share share) {
        db.sql("""
                        update credential_share set opened_at = :now, wrapped_token = null, code_hash = null
                        where token_hash = :hash""")
                .param("now", JdbcRows.time(connections.now()))
                .param("hash", share.idHash())
                .update();
        wrapping.burn(share.sealed());
        connections.audit(
                AuditEvent.SYSTEM,
                connections.get(share.connectionId()),
                "credential.share-burnt",
                Map.of("recipient", share.recipientName(), "sharedBy", share.createdBy(), "wrongCodes", MAX_ATTEMPTS));
    }

    /** The one open: only one caller marks the link opened (and never after the last wrong code). */
    private void claim(Share share) {
        int claimed = db.sql("""
                        update credential_share set opened_at = :now, wrapped_token = null, code_hash = null
                        where token_hash = :hash and opened_at is null and attempts < :max""")
                .param("now", JdbcRows.time(connections.now()))
                .param("hash", share.idHash())
                .param("max", MAX_ATTEMPTS)
                .update();
        if (claimed != 1) {
            throw gone();
        }
    }

    private Share liveShare(String linkId) {
        if (linkId == null || !LINK_ID.matcher(linkId).matches()) {
            throw gone();
        }
        // A link of a revoked (or removed) connection stops at once, before the revocation marks it ended.
        Share share = db.sql("""
                        select s.*, c.state as connection_state
                        from credential_share s left join broker_connection c on c.id = s.connection_id
                        where s.token_hash = :hash""")
                .param("hash", BrokerLogins.hash(linkId))
                .query((rs, row) -> new Share(
                        rs.getString("token_hash"),
                        rs.getString("connection_id"),
                        rs.getString("recipient"),
                        rs.getString("outside_email"),
                        rs.getString("created_by"),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        rs.getString("code_hash"),
                        instant(rs.getObject("code_expires_at", OffsetDateTime.class)),
                        rs.getInt("attempts"),
                        rs.getObject("opened_at", OffsetDateTime.class) != null,
                        rs.getObject("ended_at", OffsetDateTime.class) != null
                                || rs.getString("connection_state") == null
                                || ConnectionState.REVOKED.name().equals(rs.getString("connection_state")),
                        rs.getString("wrapped_token")))
                .optional()
                .orElseThrow(CredentialShares::gone);
        if (share.opened()
                || share.ended()
                || share.wrappedToken() == null
                || !share.expiresAt().isAfter(connections.now())) {
            throw gone();
        }
        return share;
    }

    /** 32 random bytes, base64url: one path segment that says nothing and opens nothing by itself. */
    private static String newLinkId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String codeHash(String linkId, String code) {
        return BrokerLogins.hash(linkId + ":" + code);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String hint(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }

    private static Refusal gone() {
        return Refusal.of(
                HttpStatus.GONE, "link-used-or-expired", "This link was opened before, has expired or was ended.");
    }

    private static Refusal invalidCode(String message, int attemptsLeft) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "invalid-share-code", message).with("attemptsLeft", attemptsLeft);
    }

    private record Share(
            String idHash,
            String connectionId,
            String recipient,
            String outsideEmail,
            String createdBy,
            Instant expiresAt,
            String codeHash,
            Instant codeExpiresAt,
            int attempts,
            boolean opened,
            boolean ended,
            String wrappedToken) {

        /** Who opens it, for the audit trail: the username, or the outside address. */
        String recipientName() {
            return recipient != null ? recipient : outsideEmail;
        }

        SealedHandOver sealed() {
            return new SealedHandOver(wrappedToken);
        }
    }
}
