package com.partnerworkspace.partners.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.KeycloakPartners;
import com.partnerworkspace.keycloak.KeycloakPartners.NewPartnerUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A partner invites a teammate (or ops does for them): a Keycloak user on the partner's team who sets a
 * password and a one-time code from Keycloak's own email. A teammate sees nothing of the partner's until
 * a delegation grants it. Audited as {@code team.member-invited}.
 */
@Service
class TeamInvitations {

    record Invited(String username, String email, boolean setupEmailSent) {}

    private final KeycloakPartners keycloak;
    private final KeycloakDirectory directory;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    TeamInvitations(
            KeycloakPartners keycloak,
            KeycloakDirectory directory,
            ApplicationEventPublisher events,
            Validator validator) {
        this.keycloak = keycloak;
        this.directory = directory;
        this.events = events;
        this.validator = validator;
    }

    /** Who may not invite is told so before anything about the request (400s name each bad field). */
    Invited invite(WorkspaceUser by, String partner, NewTeammate teammate) {
        requireOwnerOrOps(by, partner);
        if (!keycloak.groupExists(partner)) {
            throw Refusal.notFound("partner-not-found", "There is no partner " + partner + ".");
        }
        Refusal.throwIfInvalid(validator, teammate);
        if (keycloak.usernameTaken(teammate.username())) {
            throw taken("username", "is taken by another user");
        }
        if (keycloak.emailTaken(teammate.email())) {
            throw taken("email", "belongs to another user");
        }
        keycloak.createTeammate(
                new NewPartnerUser(teammate.username(), teammate.displayName(), teammate.email(), Map.of()), partner);
        directory.forgetTeamOf(partner);
        boolean sent =
                keycloak.sendSetupEmail(teammate.username(), (int) InvitationSteps.SETUP_LINK_LIFESPAN.toSeconds());
        events.publishEvent(new AuditEvent(
                by.username(),
                partner,
                "team.member-invited",
                "user/" + teammate.username(),
                Map.of("email", teammate.email(), "setupEmailSent", sent)));
        return new Invited(teammate.username(), teammate.email(), sent);
    }

    /** The partner themselves (not a teammate, whose token names the partner too) or operations staff. */
    private static void requireOwnerOrOps(WorkspaceUser user, String partner) {
        boolean owner = user.hasRole("partner") && partner.equals(user.partner());
        if (!owner && !user.hasRole("ops")) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "not-the-partner",
                    "Only the partner (or operations staff) invite teammates.");
        }
    }

    private static Refusal taken(String field, String message) {
        return Refusal.of(HttpStatus.CONFLICT, "teammate-exists", "A user with this " + field + " exists.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
