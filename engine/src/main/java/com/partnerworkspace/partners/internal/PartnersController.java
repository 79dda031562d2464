package com.partnerworkspace.partners.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partners for ops: the list with each partner's onboarding, and "Add partner". */
@RestController
class PartnersController {

    private final Invitations invitations;
    private final PartnerOnboarding onboarding;
    private final TeamInvitations team;

    PartnersController(Invitations invitations, PartnerOnboarding onboarding, TeamInvitations team) {
        this.invitations = invitations;
        this.onboarding = onboarding;
        this.team = team;
    }

    @Operation(
            summary = "Invite a teammate (the partner or ops): a user on the partner's team who sets a password and"
                    + " a one-time code from Keycloak's email; sees nothing until a delegation grants it")
    @AlsoAnswers(status = 409, description = "The username or the email belongs to an existing user")
    @PostMapping(
            path = "/api/partners/{partner}/team",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TeamInvitations.Invited inviteTeammate(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String partner,
            @RequestBody NewTeammate teammate) {
        return team.invite(CurrentUser.of(authentication), partner, teammate);
    }

    @Operation(summary = "Every partner with its traits and onboarding state (ops)")
    @GetMapping(path = "/api/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PartnerOnboarding.Partner> partners(Authentication authentication) {
        Invitations.requireOps(CurrentUser.of(authentication));
        return onboarding.all();
    }

    @Operation(
            summary = "Add a partner (ops): starts partner-invitation (Keycloak group and user, setup email, welcome)")
    @AlsoAnswers(status = 409, description = "The id or the email belongs to an existing partner or user")
    @PostMapping(
            path = "/api/partners",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Invitations.Started add(Authentication authentication, @Valid @RequestBody NewPartner partner) {
        return invitations.invite(CurrentUser.of(authentication), partner);
    }
}
