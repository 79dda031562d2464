package com.partnerworkspace.partners.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.AlsoAnswers;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partners for ops: the list with each partner's onboarding, and "Add partner". */
@RestController
class PartnersController {

    private final Invitations invitations;
    private final PartnerOnboarding onboarding;

    PartnersController(Invitations invitations, PartnerOnboarding onboarding) {
        this.invitations = invitations;
        this.onboarding = onboarding;
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
