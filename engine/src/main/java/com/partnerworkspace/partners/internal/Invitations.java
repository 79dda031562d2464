package com.partnerworkspace.partners.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.keycloak.KeycloakPartners;
import com.partnerworkspace.partners.internal.InvitationRepository.Invitation;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding a partner: refused with a 409 naming the field when the id or the email is anyone's already (in
 * Keycloak or an earlier invitation), else the invitation row, the {@code partner-invitation} process and the
 * audit entry are written in one transaction, so a refusal or a failure leaves nothing behind.
 */
@Service
class Invitations {

    static final String PROCESS = "partner-invitation";

    private final InvitationRepository repository;
    private final KeycloakPartners keycloak;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    Invitations(
            InvitationRepository repository,
            KeycloakPartners keycloak,
            RuntimeService runtime,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.keycloak = keycloak;
        this.runtime = runtime;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    record Started(String id, String invitation) {}

    @Transactional
    Started invite(WorkspaceUser user, NewPartner partner) {
        requireOps(user);
        refuseDuplicates(partner);
        Map<String, String> traits = partner.traits().asAttributes();
        try {
            repository.add(new Invitation(
                    partner.id(),
                    partner.email(),
                    partner.displayName(),
                    write(traits),
                    user.username(),
                    clock.instant(),
                    null));
        } catch (DuplicateKeyException invitedJustNow) {
            // Another request with the same id or email committed between the checks and this insert.
            throw repository.find(partner.id()).isPresent()
                    ? taken("id", "is being invited already")
                    : taken("email", "is being invited already");
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                PROCESS, partner.id(), Variables.createVariables().putValue("partner", partner.id()));
        repository.recordProcess(partner.id(), instance.getId());
        events.publishEvent(new AuditEvent(
                user.username(),
                partner.id(),
                "partner.invited",
                "partner/" + partner.id(),
                Map.of("displayName", partner.displayName(), "traits", traits, "invitation", instance.getId())));
        return new Started(partner.id(), instance.getId());
    }

    static void requireOps(WorkspaceUser user) {
        if (!user.hasRole("ops")) {
            throw Refusal.of(HttpStatus.FORBIDDEN, "ops-only", "Only operations staff add and list partners.");
        }
    }

    private void refuseDuplicates(NewPartner partner) {
        if (repository.find(partner.id()).isPresent()
                || keycloak.groupExists(partner.id())
                || keycloak.usernameTaken(partner.id())) {
            throw taken("id", "is taken by another partner or user");
        }
        if (repository.emailInvited(partner.email()) || keycloak.emailTaken(partner.email())) {
            throw taken("email", "belongs to another user");
        }
    }

    /** A 409 whose {@code errors} name the field, as a 400 does, so the form shows it where it belongs. */
    private static Refusal taken(String field, String message) {
        return Refusal.of(HttpStatus.CONFLICT, "partner-exists", "A partner or user with this " + field + " exists.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    Map<String, String> traitsOf(Invitation invitation) {
        try {
            return json.readValue(invitation.traits(), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable traits of partner " + invitation.partner(), e);
        }
    }

    private String write(Map<String, String> traits) {
        try {
            return json.writeValueAsString(traits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
