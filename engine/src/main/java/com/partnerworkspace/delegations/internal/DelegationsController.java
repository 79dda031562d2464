package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DelegationsController {

    private final DelegationService delegations;
    private final DelegationViews views;
    private final ScopeCatalogue catalogue;
    private final KeycloakDirectory directory;
    private final PartnerAccess partnerAccess;
    private final BotSecretLinks botLinks;
    private final DelegationRequestValidator requestValidator;

    DelegationsController(
            DelegationService delegations,
            DelegationViews views,
            ScopeCatalogue catalogue,
            KeycloakDirectory directory,
            PartnerAccess partnerAccess,
            BotSecretLinks botLinks,
            DelegationRequestValidator requestValidator) {
        this.delegations = delegations;
        this.views = views;
        this.catalogue = catalogue;
        this.directory = directory;
        this.partnerAccess = partnerAccess;
        this.botLinks = botLinks;
        this.requestValidator = requestValidator;
    }

    /** Beside Bean Validation on the record: the rules that need the DMN tables, the team and the connections. */
    @InitBinder("delegationRequest")
    void delegationRequestRules(WebDataBinder binder, Authentication authentication) {
        binder.addValidators(requestValidator.forRequester(CurrentUser.of(authentication)));
    }

    record ScopeView(String name, String description, boolean critical, String maxDuration) {}

    record TeamMember(String username, String displayName) {}

    record BotSecretRequest(
            @Schema(description = "The opaque id from the link's fragment")
            @NotBlank(message = "is required")
            @Size(max = InputLimits.TOKEN)
            String token) {}

    record BotSecret(String clientId, String clientSecret) {}

    @Operation(summary = "The scopes a partner may delegate (the delegation-scopes DMN)")
    @GetMapping(path = "/api/scopes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ScopeView> scopes() {
        return catalogue.all().stream()
                .map(scope -> new ScopeView(
                        scope.name(),
                        scope.description(),
                        scope.critical(),
                        scope.maxDuration().toString()))
                .toList();
    }

    @Operation(summary = "The partner's teammates: who the partner may delegate to")
    @GetMapping(path = "/api/partners/{partner}/team", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TeamMember> team(Authentication authentication, @PathVariable @Size(max = InputLimits.NAME) String partner) {
        partnerAccess.requireMayActFor(CurrentUser.of(authentication), partner, null);
        return directory.teamOf(partner).stream()
                .map(person -> new TeamMember(person.username(), person.displayName()))
                .toList();
    }

    @Operation(summary = "Ask to delegate scopes to a teammate or a new bot")
    @PostMapping(
            path = "/api/delegations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DelegationView> request(
            Authentication authentication, @Valid @RequestBody DelegationRequest request) {
        Delegation delegation = delegations.request(CurrentUser.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/delegations/" + delegation.id()))
                .body(views.detail(delegation));
    }

    @Operation(summary = "Delegations: mine (my partner's requests), to-approve, granted-to-me")
    @GetMapping(path = "/api/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DelegationView> list(
            Authentication authentication,
            @RequestParam(defaultValue = "mine")
                    @Schema(allowableValues = {"mine", "to-approve", "granted-to-me"})
                    @Size(max = InputLimits.ID)
                    String view) {
        return delegations.list(CurrentUser.of(authentication), view).stream()
                .map(views::detail)
                .toList();
    }

    @Operation(summary = "One delegation with its approvals, who may still decide, and its timeline")
    @GetMapping(path = "/api/delegations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DelegationView get(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return views.detail(delegations.visible(CurrentUser.of(authentication), id));
    }

    @Operation(summary = "Confirm a request with a fresh MFA login (acr mfa, auth_time under 5 minutes)")
    @AlsoAnswers(status = 409, description = "The request is not awaiting MFA")
    @PostMapping(path = "/api/delegations/{id}/confirm-mfa", produces = MediaType.APPLICATION_JSON_VALUE)
    DelegationView confirmMfa(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        WorkspaceUser user = CurrentUser.of(authentication);
        return views.detail(Retry.onConcurrentChange(() -> delegations.confirmMfa(user, id)));
    }

    @Operation(summary = "End a delegation now (the partner or ops); the grant stops counting at once")
    @AlsoAnswers(status = 409, description = "The delegation has ended already")
    @PostMapping(path = "/api/delegations/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    DelegationView revoke(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        WorkspaceUser user = CurrentUser.of(authentication);
        return views.detail(Retry.onConcurrentChange(() -> delegations.revoke(user, id)));
    }

    @Operation(summary = "Open a bot's single-use secret link once; a second open answers 410")
    @AlsoAnswers(status = 410, description = "The link was opened before or has expired")
    @PostMapping(
            path = "/api/delegations/bot-secret",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BotSecret> openBotSecret(
            Authentication authentication, @Valid @RequestBody BotSecretRequest request) {
        WorkspaceUser user = CurrentUser.of(authentication);
        BotSecretLinks.BotCredentials credentials = botLinks.open(user, request.token());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new BotSecret(credentials.clientId(), credentials.clientSecret()));
    }
}
