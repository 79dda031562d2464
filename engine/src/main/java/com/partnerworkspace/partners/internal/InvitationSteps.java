package com.partnerworkspace.partners.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.keycloak.KeycloakPartners;
import com.partnerworkspace.keycloak.KeycloakPartners.NewPartnerUser;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.partners.internal.InvitationRepository.Invitation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code partner-invitation}, each its own job. A step looks up before it creates, so a job
 * retried after Keycloak failed half-way (or after the engine died before committing) finds the group or
 * user an earlier attempt made and goes on, never making a second one; its audit entry says so.
 */
@Component
class InvitationSteps {

    /** How long the link of Keycloak's setup email works. */
    static final Duration SETUP_LINK_LIFESPAN = Duration.ofHours(24);

    private final InvitationRepository repository;
    private final Invitations invitations;
    private final KeycloakPartners keycloak;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    InvitationSteps(
            InvitationRepository repository,
            Invitations invitations,
            KeycloakPartners keycloak,
            Notifier notifier,
            ApplicationEventPublisher events,
            @Value("${workspace.public-url}") String publicUrl) {
        this.repository = repository;
        this.invitations = invitations;
        this.keycloak = keycloak;
        this.notifier = notifier;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    void createGroup(String partner) {
        Invitation invitation = invitation(partner);
        boolean created = keycloak.ensureGroup(partner, invitation.displayName());
        audit(
                partner,
                "partner.group-created",
                Map.of("group", KeycloakPartners.groupPath(partner), "foundAfterRetry", !created));
    }

    void createUser(String partner) {
        Invitation invitation = invitation(partner);
        boolean created = keycloak.ensureUser(
                new NewPartnerUser(
                        partner, invitation.displayName(), invitation.email(), invitations.traitsOf(invitation)),
                partner);
        audit(
                partner,
                "partner.user-created",
                Map.of(
                        "username",
                        partner,
                        "requiredActions",
                        KeycloakPartners.SETUP_ACTIONS,
                        "role",
                        KeycloakPartners.PARTNER_ROLE,
                        "foundAfterRetry",
                        !created));
    }

    /** Keycloak's own email (through the realm's SMTP server) with the link to set a password and the OTP. */
    void sendSetupEmail(String partner) {
        boolean sent = keycloak.sendSetupEmail(partner, (int) SETUP_LINK_LIFESPAN.toSeconds());
        audit(
                partner,
                "partner.setup-email-sent",
                Map.of("sent", sent, "linkLifespan", SETUP_LINK_LIFESPAN.toString()));
    }

    /**
     * Nothing to copy: a partner who has not customised follows the defaults the persona-defaults decision
     * gives for its traits, read when the workspace is opened. Recorded so the trail shows the step.
     */
    void applyPersonaDefaults(String partner) {
        audit(
                partner,
                "partner.persona-defaults-applied",
                Map.of("traits", invitations.traitsOf(invitation(partner)), "defaults", "follow the persona"));
    }

    void sendWelcome(String partner) {
        Invitation invitation = invitation(partner);
        notifier.email(
                List.of(invitation.email()),
                new Notification(
                        "Welcome to Partner Workspace, " + invitation.displayName(),
                        "Operations added you as a partner (" + partner + ").\n"
                                + "A separate email from our login service lets you set your password and your"
                                + " one-time code. Then open your workspace, connect your broker and you are ready.",
                        List.of(new Link("Open your workspace", URI.create(publicUrl + "/workspace")))));
        audit(partner, "partner.welcome-sent", Map.of());
    }

    private Invitation invitation(String partner) {
        return repository
                .find(partner)
                .orElseThrow(() -> new IllegalStateException("no invitation of partner " + partner));
    }

    private void audit(String partner, String action, Map<String, Object> details) {
        events.publishEvent(new AuditEvent(AuditEvent.SYSTEM, partner, action, "partner/" + partner, details));
    }
}
