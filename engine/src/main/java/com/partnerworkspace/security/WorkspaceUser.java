package com.partnerworkspace.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The caller as the product sees it, read from a Keycloak token's claims.
 *
 * @param partner the partner whose workspace the caller belongs to: the first segment under
 *     {@code /partners/} of the caller's groups, or {@code null} (approvers, ops)
 * @param acr the authentication context class, {@code mfa} after an OTP step-up
 * @param authTime when the caller last authenticated, for checks of a fresh MFA
 */
public record WorkspaceUser(
        String username, String displayName, String partner, Set<String> roles, String acr, Instant authTime) {

    public static final Set<String> KNOWN_ROLES = Set.of("partner", "approver", "ops", "analyst", "bot");
    private static final String PARTNER_GROUP_PREFIX = "/partners/";
    private static final String DELEGATION_GROUP_SEGMENT = "/delegations/";

    public static WorkspaceUser fromClaims(Map<String, Object> claims) {
        String username = stringClaim(claims, "preferred_username")
                .orElse(stringClaim(claims, "sub").orElse(""));
        return new WorkspaceUser(
                username,
                stringClaim(claims, "name").orElse(username),
                partnerOf(listClaim(claims.get("groups"))),
                rolesOf(claims),
                stringClaim(claims, "acr").orElse(null),
                instantClaim(claims.get("auth_time")));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public static Set<String> rolesOf(Map<String, Object> claims) {
        Set<String> roles = new TreeSet<>();
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            for (String role : listClaim(realmAccess.get("roles"))) {
                if (KNOWN_ROLES.contains(role)) {
                    roles.add(role);
                }
            }
        }
        return Set.copyOf(roles);
    }

    static String partnerOf(List<String> groups) {
        return groups.stream()
                .filter(group -> group.startsWith(PARTNER_GROUP_PREFIX))
                .filter(group -> !group.contains(DELEGATION_GROUP_SEGMENT)) // a delegate is not a member
                .map(group -> group.substring(PARTNER_GROUP_PREFIX.length()).split("/")[0])
                .filter(partner -> !partner.isBlank())
                .sorted()
                .findFirst()
                .orElse(null);
    }

    private static Optional<String> stringClaim(Map<String, Object> claims, String name) {
        return Optional.ofNullable(claims.get(name)).map(Object::toString).filter(value -> !value.isBlank());
    }

    private static List<String> listClaim(Object value) {
        if (value instanceof Iterable<?> items) {
            List<String> result = new java.util.ArrayList<>();
            items.forEach(item -> result.add(String.valueOf(item)));
            return result;
        }
        return List.of();
    }

    private static Instant instantClaim(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
