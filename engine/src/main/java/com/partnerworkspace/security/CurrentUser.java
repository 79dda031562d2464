package com.partnerworkspace.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link WorkspaceUser} behind an API request authenticated with a Keycloak access token. */
public final class CurrentUser {

    private CurrentUser() {}

    public static WorkspaceUser of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return WorkspaceUser.fromClaims(jwt.getToken().getClaims());
        }
        throw new IllegalStateException("Not a Keycloak access token: " + authentication);
    }
}
