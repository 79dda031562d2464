package com.partnerworkspace.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * Partners as Keycloak holds them: the group {@code /partners/<partner>} and the partner's own user (named
 * after the partner), whose attributes {@code persona.<trait>} carry the persona. Every write looks up before
 * it creates, so a retried process step finds what an earlier attempt made instead of making it twice.
 */
@Component
public class KeycloakPartners {

    public static final String PARTNER_ROLE = "partner";
    public static final String TRAIT_PREFIX = "persona.";
    /** What a new partner's user must do at the first login: set a password, then set up the one-time code. */
    public static final List<String> SETUP_ACTIONS = List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP");

    private static final String PARTNERS_GROUP = "/partners";
    private static final String DISPLAY_NAME = "displayName";

    private final RealmResource realm;
    private final UsersResource users;
    private final GroupsResource groups;

    KeycloakPartners(RealmResource realm, UsersResource users, GroupsResource groups) {
        this.realm = realm;
        this.users = users;
        this.groups = groups;
    }

    /** A partner's account: its group and its own user, when there is one. */
    public record PartnerAccount(
            String id,
            String displayName,
            String email,
            Map<String, String> traits,
            List<String> requiredActions,
            boolean hasUser) {}

    /** Every partner group under {@code /partners}, with the partner's own user (the member named like it). */
    public List<PartnerAccount> partners() {
        GroupRepresentation parent = realm.getGroupByPath(PARTNERS_GROUP);
        List<PartnerAccount> accounts = new ArrayList<>();
        for (GroupRepresentation group : groups.group(parent.getId()).getSubGroups(0, 1000, false)) {
            accounts.add(account(group));
        }
        return accounts;
    }

    public Optional<PartnerAccount> partner(String id) {
        return findGroup(groupPath(id)).map(this::account);
    }

    public boolean groupExists(String id) {
        return findGroup(groupPath(id)).isPresent();
    }

    public boolean usernameTaken(String username) {
        return findUser(username).isPresent();
    }

    public boolean emailTaken(String email) {
        return !users.searchByEmail(email, true).isEmpty();
    }

    /** Creates {@code /partners/<id>} unless it exists; answers whether this call created it. */
    public boolean ensureGroup(String id, String displayName) {
        if (groupExists(id)) {
            return false;
        }
        GroupRepresentation group = new GroupRepresentation();
        group.setName(id);
        group.setAttributes(Map.of(DISPLAY_NAME, List.of(displayName)));
        GroupRepresentation parent = realm.getGroupByPath(PARTNERS_GROUP);
        try (Response response = groups.group(parent.getId()).subGroup(group)) {
            if (response.getStatus() == 409) {
                return false; // made meanwhile by another attempt
            }
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused group " + id + ": HTTP " + response.getStatus());
            }
        }
        return true;
    }

    /** The partner's own user, to be created with its setup actions pending. */
    public record NewPartnerUser(String username, String displayName, String email, Map<String, String> traits) {}

    /**
     * Creates the user unless one of that name exists, then makes sure it is in the partner's group and holds
     * the realm role {@code partner} (both are idempotent in Keycloak). Answers whether this call created it.
     */
    public boolean ensureUser(NewPartnerUser user, String partner) {
        boolean created = false;
        if (findUser(user.username()).isEmpty()) {
            try (Response response = users.create(representation(user))) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException(
                            "Keycloak refused user " + user.username() + ": HTTP " + response.getStatus());
                }
                created = response.getStatus() == 201;
            }
        }
        UserRepresentation found = findUser(user.username())
                .orElseThrow(
                        () -> new IllegalStateException("user " + user.username() + " not found after creating it"));
        UserResource resource = users.get(found.getId());
        String groupId = findGroup(groupPath(partner))
                .orElseThrow(() -> new IllegalStateException("no group for partner " + partner))
                .getId();
        resource.joinGroup(groupId);
        RoleRepresentation role = realm.roles().get(PARTNER_ROLE).toRepresentation();
        resource.roles().realmLevel().add(List.of(role));
        return created;
    }

    /** The realm role of a partner's teammates (analysts and the like), as the launch teams hold it. */
    public static final String TEAMMATE_ROLE = "analyst";

    /**
     * A teammate the partner invites: a user in {@code /partners/<partner>/team} (made if the partner has no
     * team yet) with the teammate role and the setup actions pending. A user that exists already is refused
     * before anything is made; should joining the team fail, the new user is removed again.
     */
    public void createTeammate(NewPartnerUser user, String partner) {
        String teamId = ensureTeamGroup(partner);
        try (Response response = users.create(representation(user))) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException(
                        "Keycloak refused teammate " + user.username() + ": HTTP " + response.getStatus());
            }
        }
        UserRepresentation found = findUser(user.username())
                .orElseThrow(() -> new IllegalStateException("teammate " + user.username() + " not found"));
        try {
            UserResource resource = users.get(found.getId());
            resource.joinGroup(teamId);
            resource.roles()
                    .realmLevel()
                    .add(List.of(realm.roles().get(TEAMMATE_ROLE).toRepresentation()));
        } catch (RuntimeException e) {
            users.get(found.getId()).remove();
            throw e;
        }
    }

    private String ensureTeamGroup(String partner) {
        Optional<GroupRepresentation> team = findGroup(groupPath(partner) + "/team");
        if (team.isPresent()) {
            return team.get().getId();
        }
        GroupRepresentation partnerGroup = findGroup(groupPath(partner))
                .orElseThrow(() -> new IllegalStateException("no group for partner " + partner));
        GroupRepresentation group = new GroupRepresentation();
        group.setName("team");
        try (Response response = groups.group(partnerGroup.getId()).subGroup(group)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw new IllegalStateException(
                        "Keycloak refused the team of " + partner + ": HTTP " + response.getStatus());
            }
        }
        return findGroup(groupPath(partner) + "/team")
                .orElseThrow(() -> new IllegalStateException("no team group for " + partner))
                .getId();
    }

    /** The actions the user has still to do in Keycloak (empty once password and one-time code are set). */
    public List<String> pendingActions(String username) {
        return findUser(username)
                .map(user -> user.getRequiredActions() == null ? List.<String>of() : user.getRequiredActions())
                .orElse(List.of());
    }

    /**
     * Keycloak's own "update your account" email for the pending setup actions, through the realm's SMTP
     * server; answers false (nothing sent) once the user has no pending action.
     */
    public boolean sendSetupEmail(String username, int lifespanSeconds) {
        UserRepresentation user = findUser(username)
                .orElseThrow(() -> new IllegalStateException("no user " + username + " in the realm"));
        List<String> pending = user.getRequiredActions() == null ? List.of() : user.getRequiredActions();
        if (pending.isEmpty()) {
            return false;
        }
        users.get(user.getId()).executeActionsEmail(pending, lifespanSeconds);
        return true;
    }

    public static String groupPath(String partner) {
        return PARTNERS_GROUP + "/" + partner;
    }

    private PartnerAccount account(GroupRepresentation group) {
        Optional<UserRepresentation> user = findUser(group.getName());
        String displayName = Optional.ofNullable(group.getAttributes())
                .map(attributes -> attributes.get(DISPLAY_NAME))
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0))
                .orElseGet(() -> user.map(KeycloakPartners::fullName).orElse(group.getName()));
        return new PartnerAccount(
                group.getName(),
                displayName,
                user.map(UserRepresentation::getEmail).orElse(null),
                user.map(KeycloakPartners::traits).orElse(Map.of()),
                user.map(u -> u.getRequiredActions() == null ? List.<String>of() : u.getRequiredActions())
                        .orElse(List.of()),
                user.isPresent());
    }

    private static UserRepresentation representation(NewPartnerUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setEmail(user.email());
        representation.setEmailVerified(true);
        representation.setEnabled(true);
        // The realm's profile requires both names; a one-word display name fills both.
        String name = user.displayName().trim();
        int space = name.lastIndexOf(' ');
        representation.setFirstName(space > 0 ? name.substring(0, space) : name);
        representation.setLastName(space > 0 ? name.substring(space + 1) : name);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        user.traits().forEach((trait, value) -> attributes.put(TRAIT_PREFIX + trait, List.of(value)));
        representation.setAttributes(attributes);
        representation.setRequiredActions(SETUP_ACTIONS);
        return representation;
    }

    private static Map<String, String> traits(UserRepresentation user) {
        Map<String, String> traits = new LinkedHashMap<>();
        if (user.getAttributes() != null) {
            user.getAttributes().forEach((name, values) -> {
                if (name.startsWith(TRAIT_PREFIX) && !values.isEmpty()) {
                    traits.put(name.substring(TRAIT_PREFIX.length()), values.get(0));
                }
            });
        }
        return traits;
    }

    private static String fullName(UserRepresentation user) {
        return (java.util.Objects.requireNonNullElse(user.getFirstName(), "") + " "
                        + java.util.Objects.requireNonNullElse(user.getLastName(), ""))
                .trim();
    }

    private Optional<UserRepresentation> findUser(String username) {
        // Search results leave attributes out; the user's own representation has them.
        return users.searchByUsername(username, true).stream()
                .findFirst()
                .map(found -> users.get(found.getId()).toRepresentation());
    }

    private Optional<GroupRepresentation> findGroup(String path) {
        try {
            return Optional.of(realm.getGroupByPath(path));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
