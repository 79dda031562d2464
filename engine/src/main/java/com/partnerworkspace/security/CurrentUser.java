package com.partnerworkspace.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link WorkspaceUser} behind an authenticated request, from an API token or a webapp login. */
public final class CurrentUser {

    private CurrentUser() {}

    public static WorkspaceUser of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return WorkspaceUser.fromClaims(jwt.getToken().getClaims());
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidcUser) {
            return WorkspaceUser.fromClaims(oidcUser.getClaims());
        }
        throw new IllegalStateException("Not a Keycloak authentication: " + authentication);
    }
}
