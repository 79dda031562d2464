package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.vault.VaultWrapping;
import com.partnerworkspace.vault.VaultWrapping.WrappedSecretGoneException;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links: the credential's values are wrapped in Vault (single use, expiring) and the link
 * carries the wrapping token, base64url-encoded so it is one path segment. Opening needs a one-time
 * code mailed to the named recipient. Only hashes of the link and the code are stored.
 */
@Service
class CredentialShares {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionService connections;
    private final VaultWrapping wrapping;
    private final KeycloakDirectory directory;
    private final Notifier notifier;
    private final PartnerAccess partnerAccess;
    private final JdbcClient db;
    private final String publicUrl;

    CredentialShares(
            ConnectionService connections,
            VaultWrapping wrapping,
            KeycloakDirectory directory,
            Notifier notifier,
            PartnerAccess partnerAccess,
            JdbcClient db,
            @Value("${workspace.public-url}") String publicUrl) {
        this.connections = connections;
        this.wrapping = wrapping;
        this.directory = directory;
        this.notifier = notifier;
        this.partnerAccess = partnerAccess;
        this.db = db;
        this.publicUrl = publicUrl;
    }

    record ShareRequest(
            @Size(max = InputLimits.EMAIL) String recipient,
            @Size(max = InputLimits.ID) String ttl) {}

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
        Map<String, String> errors = new LinkedHashMap<>();
        Person recipient = null;
        if (request == null
                || request.recipient() == null
                || request.recipient().isBlank()) {
            errors.put("recipient", "is required");
        } else {
            recipient = directory.find(request.recipient()).orElse(null);
            if (recipient == null || recipient.email() == null) {
                errors.put("recipient", "is not a workspace user with an email address");
            }
        }
        Duration ttl = null;
        if (request == null || request.ttl() == null) {
            errors.put("ttl", "is required (ISO-8601, e.g. PT15M)");
        } else {
            try {
                ttl = Duration.parse(request.ttl());
                if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(VaultWrapping.MAX_TTL) > 0) {
                    errors.put("ttl", "must be more than zero and at most PT24H");
                }
            } catch (DateTimeParseException e) {
                errors.put("ttl", "must be an ISO-8601 duration such as PT15M");
            }
        }
        if (!errors.isEmpty()) {
            throw ConnectionRefusedException.invalid(errors);
        }
        Map<String, String> values = connections.usableValues(connection, "share");
        String token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(wrapping.wrap(values, ttl).getBytes(StandardCharsets.UTF_8));
        Instant expiresAt = connections.now().plus(ttl);
        db.sql("""
                        insert into credential_share (token_hash, connection_id, partner, recipient, created_by, expires_at)
                        values (:hash, :connectionId, :partner, :recipient, :createdBy, :expiresAt)""")
                .param("hash", BrokerLogins.hash(token))
                .param("connectionId", id)
                .param("partner", connection.partner())
                .param("recipient", recipient.username())
                .param("createdBy", user.username())
                .param("expiresAt", ConnectionRepository.time(expiresAt))
                .update();
        URI url = URI.create(publicUrl + "/share/" + token);
        connections.audit(
                user.username(),
                connection,
                "credential.share-created",
                Map.of("recipient", recipient.username(), "ttl", ttl.toString(), "expiresAt", expiresAt.toString()));
        notifier.email(
                List.of(recipient.email()),
                new Notification(
                        user.username() + " shared a credential with you",
                        user.username() + " shared the credential of \"" + connection.label()
                                + "\" with you. The link works once, until " + expiresAt
                                + "; opening it sends a one-time code to this address.",
                        List.of(new Link("Open the shared credential", url))));
        return new ShareLink(url, recipient.username(), expiresAt);
    }

    /** Mails a fresh one-time code to the recipient; earlier codes stop working. */
    @Transactional
    CodeSent sendCode(String token) {
        Share share = liveShare(token);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant codeExpiresAt = connections.now().plus(CODE_LIFETIME);
        db.sql(
                        "update credential_share set code_hash = :code, code_expires_at = :until, attempts = 0 where token_hash = :hash")
                .param("code", BrokerLogins.hash(token + ":" + code))
                .param("until", ConnectionRepository.time(codeExpiresAt))
                .param("hash", share.tokenHash())
                .update();
        Person recipient = directory.find(share.recipient()).orElseThrow(CredentialShares::gone);
        notifier.email(
                List.of(recipient.email()),
                new Notification(
                        "Your one-time code: " + code,
                        "Enter " + code + " to open the credential shared with you. It works for "
                                + CODE_LIFETIME.toMinutes() + " minutes.",
                        List.of()));
        return new CodeSent(hint(recipient.email()), codeExpiresAt);
    }

    /**
     * Opens the link once. A wrong code counts; after {@value #MAX_ATTEMPTS} the link is burnt (the
     * wrapped values are unwrapped and dropped).
     */
    @Transactional(noRollbackFor = ConnectionRefusedException.class)
    SharedCredential open(String token, String code) {
        Share share = liveShare(token);
        Instant now = connections.now();
        if (share.codeHash() == null || share.codeExpiresAt().isBefore(now)) {
            throw invalidCode(
                    "Ask for a one-time code first; codes work for 10 minutes.", MAX_ATTEMPTS - share.attempts());
        }
        if (code == null
                || !MessageDigest.isEqual(
                        share.codeHash().getBytes(StandardCharsets.UTF_8),
                        BrokerLogins.hash(token + ":" + code.strip()).getBytes(StandardCharsets.UTF_8))) {
            int attempts = share.attempts() + 1;
            db.sql("update credential_share set attempts = :attempts where token_hash = :hash")
                    .param("attempts", attempts)
                    .param("hash", share.tokenHash())
                    .update();
            if (attempts >= MAX_ATTEMPTS) {
                burn(share, token);
                throw gone();
            }
            throw invalidCode("The one-time code is not right.", MAX_ATTEMPTS - attempts);
        }
        markOpened(share);
        Map<String, String> values;
        try {
            values = wrapping.unwrap(wrappingToken(token));
        } catch (WrappedSecretGoneException e) {
            throw gone();
        }
        Connection connection = connections.get(share.connectionId());
        connections.audit(
                share.recipient(), connection, "credential.share-opened", Map.of("sharedBy", share.createdBy()));
        return new SharedCredential(connection.label(), connection.broker(), values);
    }

    private void burn(Share share, String token) {
        markOpened(share);
        try {
            wrapping.unwrap(wrappingToken(token));
        } catch (WrappedSecretGoneException ignored) {
            // Gone already: nothing to burn.
        }
    }

    private void markOpened(Share share) {
        int marked = db.sql(
                        "update credential_share set opened_at = :now where token_hash = :hash and opened_at is null")
                .param("now", ConnectionRepository.time(connections.now()))
                .param("hash", share.tokenHash())
                .update();
        if (marked != 1) {
            throw gone();
        }
    }

    private Share liveShare(String token) {
        if (token == null || token.length() > 400 || !token.matches("[A-Za-z0-9_-]+")) {
            throw gone();
        }
        Share share = db.sql("select * from credential_share where token_hash = :hash")
                .param("hash", BrokerLogins.hash(token))
                .query((rs, row) -> new Share(
                        rs.getString("token_hash"),
                        rs.getString("connection_id"),
                        rs.getString("recipient"),
                        rs.getString("created_by"),
                        rs.getObject("expires_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getString("code_hash"),
                        rs.getObject("code_expires_at", java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("code_expires_at", java.time.OffsetDateTime.class)
                                        .toInstant(),
                        rs.getInt("attempts"),
                        rs.getObject("opened_at", java.time.OffsetDateTime.class) != null))
                .optional()
                .orElseThrow(CredentialShares::gone);
        if (share.opened() || !share.expiresAt().isAfter(connections.now())) {
            throw gone();
        }
        return share;
    }

    private static String wrappingToken(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }

    private static String hint(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }

    private static ConnectionRefusedException gone() {
        return new ConnectionRefusedException(
                HttpStatus.GONE, "link-used-or-expired", "This link was opened before or has expired.");
    }

    private static ConnectionRefusedException invalidCode(String message, int attemptsLeft) {
        return ConnectionRefusedException.withProperties(
                HttpStatus.BAD_REQUEST, "invalid-share-code", message, Map.of("attemptsLeft", attemptsLeft));
    }

    private record Share(
            String tokenHash,
            String connectionId,
            String recipient,
            String createdBy,
            Instant expiresAt,
            String codeHash,
            Instant codeExpiresAt,
            int attempts,
            boolean opened) {}
}
