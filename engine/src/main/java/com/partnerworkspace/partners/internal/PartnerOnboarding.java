package com.partnerworkspace.partners.internal;

import com.partnerworkspace.audit.AuditFacts;
import com.partnerworkspace.keycloak.KeycloakPartners;
import com.partnerworkspace.keycloak.KeycloakPartners.PartnerAccount;
import com.partnerworkspace.partners.internal.InvitationRepository.Invitation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every partner with where its onboarding stands: invited (Keycloak still asks for a password or the
 * one-time code), account set up (nothing pending in Keycloak), active (a broker connection became Active,
 * from the audit trail's {@code connection.activated}). Invited partners keep their invitation time, so
 * invitation to first Active connection is the time to onboard.
 */
@Service
class PartnerOnboarding {

    static final String ACTIVATED = "connection.activated";

    enum State {
        INVITED,
        ACCOUNT_SET_UP,
        ACTIVE
    }

    record Onboarding(
            State state,

            @Schema(nullable = true, description = "When ops added the partner; null for partners not invited here")
            Instant invitedAt,

            @Schema(nullable = true, description = "The partner's first Active broker connection since the invitation")
            Instant firstActiveAt,

            @Schema(nullable = true, description = "Invitation to first Active connection, in minutes")
            Long minutesToOnboard) {}

    record Partner(
            String id,
            String displayName,
            @Schema(nullable = true) String email,
            Map<String, String> traits,
            Onboarding onboarding) {}

    private final KeycloakPartners keycloak;
    private final InvitationRepository invitations;
    private final AuditFacts audit;

    PartnerOnboarding(KeycloakPartners keycloak, InvitationRepository invitations, AuditFacts audit) {
        this.keycloak = keycloak;
        this.invitations = invitations;
        this.audit = audit;
    }

    List<Partner> all() {
        Map<String, Invitation> invited =
                invitations.all().stream().collect(Collectors.toMap(Invitation::partner, Function.identity()));
        Map<String, Instant> firstActive = audit.firstByPartner(ACTIVATED);
        List<Partner> partners = new ArrayList<>();
        for (PartnerAccount account : keycloak.partners()) {
            partners.add(partner(account, invited.remove(account.id()), firstActive.get(account.id())));
        }
        // Invited, but the process has not made the group yet.
        invited.values().forEach(invitation -> partners.add(notYetInKeycloak(invitation)));
        partners.sort(Comparator.comparing(Partner::id));
        return partners;
    }

    private static Partner partner(PartnerAccount account, Invitation invitation, Instant active) {
        Instant invitedAt = invitation == null ? null : invitation.invitedAt();
        Instant firstActive = active != null && (invitedAt == null || !active.isBefore(invitedAt)) ? active : null;
        State state = firstActive != null
                ? State.ACTIVE
                : !account.hasUser() || !account.requiredActions().isEmpty() ? State.INVITED : State.ACCOUNT_SET_UP;
        Long minutes = invitedAt != null && firstActive != null
                ? java.time.Duration.between(invitedAt, firstActive).toMinutes()
                : null;
        return new Partner(
                account.id(),
                account.displayName(),
                account.email() != null ? account.email() : invitation == null ? null : invitation.email(),
                account.traits(),
                new Onboarding(state, invitedAt, firstActive, minutes));
    }

    private static Partner notYetInKeycloak(Invitation invitation) {
        return new Partner(
                invitation.partner(),
                invitation.displayName(),
                invitation.email(),
                Map.of(),
                new Onboarding(State.INVITED, invitation.invitedAt(), null, null));
    }
}
