package com.partnerworkspace.security.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Keycloak owns identity; the Camunda webapps still look users up in the engine's own identity store.
 * At webapp login the user, their role groups and memberships are mirrored there (created when missing,
 * names refreshed), so Keycloak stays the single place where people and roles are managed.
 */
final class CamundaIdentity {

    /** Camunda's own administrators group; while nobody is in it the webapps show their first-run setup. */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    private CamundaIdentity() {}

    /** A user's Camunda groups: their realm roles, and for ops also Camunda's administrators group. */
    static List<String> groupsFor(List<String> roles) {
        List<String> groups = new java.util.ArrayList<>(roles);
        if (roles.contains("ops")) {
            groups.add(CAMUNDA_ADMIN);
        }
        return List.copyOf(groups);
    }

    static void mirror(IdentityService identity, Authentication authentication, List<String> groups) {
        String userId = authentication.getName();
        Map<String, Object> claims =
                authentication.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : Map.of();
        try {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                user = identity.newUser(userId);
            }
            user.setFirstName(stringClaim(claims, "given_name", userId));
            user.setLastName(stringClaim(claims, "family_name", ""));
            user.setEmail(stringClaim(claims, "email", null));
            identity.saveUser(user);
            for (String group : groups) {
                ensureGroup(identity, group);
                if (identity.createUserQuery()
                                .userId(userId)
                                .memberOfGroup(group)
                                .count()
                        == 0) {
                    identity.createMembership(userId, group);
                }
            }
        } catch (ProcessEngineException e) {
            // Two first requests of one login can race; the loser finds the user already there.
            if (identity.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
    }

    private static void ensureGroup(IdentityService identity, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType(CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private static String stringClaim(Map<String, Object> claims, String name, String fallback) {
        Object value = claims.get(name);
        return value == null ? fallback : value.toString();
    }
}
