package com.partnerworkspace.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.partnerworkspace.security.WorkspaceUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Keycloak access tokens for {@link WebSlice}s, without Keycloak: {@code jwt()} with the claims
 * {@code security.WorkspaceUser} reads (preferred_username, name, realm_access.roles, groups, acr,
 * auth_time) and the authorities the engine derives from them (ROLE_ per known realm role, as
 * {@code KeycloakAuthoritiesConverter}). The personas are the realm's (see {@code access-rules.md}).
 */
public final class Tokens {

    private Tokens() {}

    /** The partner who owns the ids in the access rules. */
    public static JwtRequestPostProcessor nikhil() {
        return partner("nikhil");
    }

    /** Another partner. */
    public static JwtRequestPostProcessor mukesh() {
        return partner("mukesh");
    }

    /** nikhil's teammate; acts for nikhil only with a delegated scope ({@link SliceGrants}). */
    public static JwtRequestPostProcessor arjun() {
        return token("arjun", List.of("analyst"), List.of("/partners/nikhil/team"), null);
    }

    public static JwtRequestPostProcessor priya() {
        return token("priya", List.of("approver"), List.of("/approvers"), null);
    }

    public static JwtRequestPostProcessor omar() {
        return token("omar", List.of("ops"), List.of("/operations"), null);
    }

    /** A service account with the realm role {@code bot} and no grant. */
    public static JwtRequestPostProcessor bot() {
        return token("service-account-bot", List.of("bot"), List.of(), null);
    }

    public static JwtRequestPostProcessor partner(String username) {
        return token(username, List.of("partner"), List.of("/partners/" + username), null);
    }

    /** nikhil just after the OTP step-up: acr {@code mfa}, logged in now. */
    public static JwtRequestPostProcessor nikhilWithFreshMfa() {
        return token("nikhil", List.of("partner"), List.of("/partners/nikhil"), Instant.now());
    }

    /**
     * Any caller. {@code mfaAt} non-null: the token of an OTP step-up made then ({@code acr} mfa);
     * null: a password login ({@code acr} password, no auth_time, as Keycloak's direct grant).
     */
    public static JwtRequestPostProcessor token(
            String username, List<String> realmRoles, List<String> groups, Instant mfaAt) {
        return jwt().jwt(token -> {
                    token.subject(username)
                            .claim("preferred_username", username)
                            .claim("name", username)
                            .claim("realm_access", Map.of("roles", realmRoles))
                            .claim("groups", groups)
                            .claim("aud", List.of("workspace-engine"))
                            .claim("acr", mfaAt == null ? "password" : "mfa");
                    if (mfaAt != null) {
                        token.claim("auth_time", mfaAt.getEpochSecond());
                    }
                })
                .authorities(Tokens::authorities);
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        WorkspaceUser.rolesOf(jwt.getClaims())
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return authorities;
    }
}
