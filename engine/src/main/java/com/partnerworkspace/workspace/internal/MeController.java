package com.partnerworkspace.workspace.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.DelegatedScopes;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    /** What the UI shows in its profile panel, straight from the caller's token. */
    record Me(
            String username,
            String displayName,

            @Schema(nullable = true, description = "The partner the caller belongs to; none for approvers and ops")
            String partner,

            List<String> roles,

            @Schema(nullable = true, description = "mfa after an OTP step-up, else password")
            String acr,

            @Schema(nullable = true, description = "When the caller last logged in (browser logins only)")
            Instant authTime,

            @Schema(description = "Scopes delegated to the caller that are live right now")
            List<Delegation> delegations) {

        static Me of(WorkspaceUser user, List<DelegatedScopes.HeldScope> held) {
            return new Me(
                    user.username(),
                    user.displayName(),
                    user.partner(),
                    user.roles().stream().sorted().toList(),
                    user.acr(),
                    user.authTime(),
                    held.stream()
                            .map(scope -> new Delegation(
                                    scope.partner(), scope.scope(), scope.expiresAt(), scope.connection()))
                            .toList());
        }
    }

    record Delegation(
            String partner,
            String scope,
            Instant expiresAt,

            @Schema(nullable = true, description = "The broker connection the scope is limited to; null for all")
            String connection) {}

    private final PartnerAccess partnerAccess;

    MeController(PartnerAccess partnerAccess) {
        this.partnerAccess = partnerAccess;
    }

    @Operation(summary = "The caller: name, partner, roles and how they logged in")
    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(Authentication authentication) {
        WorkspaceUser user = CurrentUser.of(authentication);
        return Me.of(user, partnerAccess.delegatedScopesOf(user));
    }
}
