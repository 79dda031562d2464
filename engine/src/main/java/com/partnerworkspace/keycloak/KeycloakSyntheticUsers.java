package com.partnerworkspace.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Synthetic users: a partner's test login for automated checks (the diagnostics smoke test), a member of
 * the partner's group with the realm role {@code partner}, a password and a TOTP credential. The admin API
 * cannot add a TOTP credential to an existing user, so a new secret means a new user.
 */
@org.springframework.stereotype.Component
public class KeycloakSyntheticUsers {

    /**
     * Synthetic users' addresses are under this reserved top-level domain (RFC 2606), where no mail is ever
     * delivered: that is how the directory tells them from people.
     */
    public static final String EMAIL_DOMAIN_SUFFIX = ".invalid";

    private final RealmResource realm;
    private final UsersResource users;

    KeycloakSyntheticUsers(RealmResource realm, UsersResource users) {
        this.realm = realm;
        this.users = users;
    }

    /** What a synthetic user is made of; the password and TOTP seed (BASE32) are never logged. */
    public record SyntheticUser(String username, String partner, String email, String password, String totpSeed) {
        @Override
        public String toString() {
            return "SyntheticUser[" + username + "]";
        }
    }

    static boolean isSynthetic(UserRepresentation user) {
        return user.getEmail() != null && user.getEmail().endsWith(EMAIL_DOMAIN_SUFFIX);
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    /** Deletes the user of that name if any, then creates it with these credentials, in the partner's group. */
    public void recreate(SyntheticUser user) {
        if (!user.email().endsWith(EMAIL_DOMAIN_SUFFIX)) {
            throw new IllegalArgumentException("a synthetic user's address must end in " + EMAIL_DOMAIN_SUFFIX);
        }
        find(user.username()).ifPresent(existing -> users.delete(existing.getId()));
        try (Response response = users.create(representation(user))) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException(
                        "Keycloak refused synthetic user " + user.username() + ": HTTP " + response.getStatus());
            }
        }
        UserRepresentation created = find(user.username())
                .orElseThrow(
                        () -> new IllegalStateException("user " + user.username() + " not found after creating it"));
        UserResource resource = users.get(created.getId());
        resource.joinGroup(
                realm.getGroupByPath(KeycloakPartners.groupPath(user.partner())).getId());
        RoleRepresentation role =
                realm.roles().get(KeycloakPartners.PARTNER_ROLE).toRepresentation();
        resource.roles().realmLevel().add(List.of(role));
    }

    private static UserRepresentation representation(SyntheticUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setEmail(user.email());
        representation.setEmailVerified(true);
        representation.setEnabled(true);
        representation.setFirstName("Smoke test");
        representation.setLastName(user.partner());
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(user.password());
        password.setTemporary(false);
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setSecretData("{\"value\":\"" + user.totpSeed() + "\"}");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                + "\"algorithm\":\"HmacSHA1\",\"secretEncoding\":\"BASE32\"}");
        representation.setCredentials(List.of(password, otp));
        return representation;
    }

    private Optional<UserRepresentation> find(String username) {
        return users.searchByUsername(username, true).stream().findFirst();
    }
}
