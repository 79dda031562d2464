package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultWrapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bot's secret reaches the partner only through a single-use, expiring link: Vault wraps the secret,
 * the link carries the wrapping token in its fragment (browsers never send fragments to servers, so it
 * is in no access log), and the first open unwraps it; a second open finds nothing (410).
 */
@Component
class BotSecretLinks {

    static final String PAGE = "/delegations/bot-secret";

    private final VaultSecrets secrets;
    private final VaultWrapping wrapping;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;
    private final String publicUrl;
    private final Duration ttl;

    BotSecretLinks(
            VaultSecrets secrets,
            VaultWrapping wrapping,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events,
            @Value("${workspace.public-url}") String publicUrl,
            @Value("${workspace.delegations.bot-link-ttl:PT4H}") Duration ttl) {
        this.secrets = secrets;
        this.wrapping = wrapping;
        this.partnerAccess = partnerAccess;
        this.events = events;
        this.publicUrl = publicUrl;
        this.ttl = ttl;
    }

    /** A fresh link for the bot's secret; audited without the token. */
    URI create(Delegation delegation) {
        Map<String, String> secret = secrets.read(
                        DelegationSteps.botSecretPath(delegation.partner(), delegation.botClientId()))
                .values();
        String token = wrapping.wrap(
                Map.of(
                        "partner", delegation.partner(),
                        "delegationId", delegation.id(),
                        "clientId", secret.get("clientId"),
                        "clientSecret", secret.get("clientSecret")),
                ttl);
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
        return URI.create(publicUrl + PAGE + "#" + token);
    }

    record BotCredentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "BotCredentials[" + clientId + "]";
        }
    }

    /** Opens a link once. Only the partner (or ops) may open it; anyone else burns it and is refused. */
    @Transactional(noRollbackFor = DelegationRefusedException.class)
    BotCredentials open(WorkspaceUser user, String token) {
        Map<String, String> values = wrapping.unwrap(token);
        String partner = values.get("partner");
        String target = "delegation/" + values.get("delegationId");
        if (!partnerAccess.mayActFor(user, partner)) {
            events.publishEvent(new AuditEvent(
                    user.username(),
                    partner,
                    "delegation.bot-link-refused",
                    target,
                    Map.of("clientId", values.get("clientId"))));
            throw new DelegationRefusedException(
                    HttpStatus.FORBIDDEN, "not-your-bot", "This link belongs to another partner; it is now used up.");
        }
        events.publishEvent(new AuditEvent(
                user.username(),
                partner,
                "delegation.bot-link-opened",
                target,
                Map.of("clientId", values.get("clientId"))));
        return new BotCredentials(values.get("clientId"), values.get("clientSecret"));
    }
}
