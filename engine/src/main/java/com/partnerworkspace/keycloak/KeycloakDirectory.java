package com.partnerworkspace.keycloak;

import jakarta.ws.rs.NotFoundException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/** The people and groups of the realm, read through the admin API. */
@Component
public class KeycloakDirectory {

    private static final String PARTNERS_GROUP = "/partners";

    /** Membership changes in Keycloak show here within this time. */
    static final java.time.Duration FRESHNESS = java.time.Duration.ofSeconds(30);

    private final RealmResource realm;
    private final UsersResource users;
    private final GroupsResource groups;
    private final ShortLivedCache<String, List<Person>> teams = new ShortLivedCache<>(FRESHNESS);
    private final ShortLivedCache<String, List<Person>> roleMembers = new ShortLivedCache<>(FRESHNESS);
    private final ShortLivedCache<String, Optional<Person>> people = new ShortLivedCache<>(FRESHNESS);
    private final ShortLivedCache<String, List<Person>> ownUsers = new ShortLivedCache<>(FRESHNESS);
    private final ShortLivedCache<String, Map<String, String>> personas = new ShortLivedCache<>(FRESHNESS);

    /** Persona traits are user attributes named {@code persona.<trait>} (declared in the realm's user profile). */
    static final String PERSONA_PREFIX = "persona.";

    KeycloakDirectory(RealmResource realm, UsersResource users, GroupsResource groups) {
        this.realm = realm;
        this.users = users;
        this.groups = groups;
    }

    /**
     * The partner's own users: the direct members of {@code /partners/<partner>}, not its team or delegates
     * (who hear about the partner's affairs only through a live grant, see {@code PartnerAccess}), nor its
     * synthetic test user (no person reads its mail).
     */
    public List<Person> ownUsersOf(String partner) {
        return ownUsers.get(partner, this::loadOwnUsersOf);
    }

    private List<Person> loadOwnUsersOf(String partner) {
        GroupRepresentation group;
        try {
            group = realm.getGroupByPath(PARTNERS_GROUP + "/" + partner);
        } catch (NotFoundException e) {
            return List.of();
        }
        return groups.group(group.getId()).members(0, 500).stream()
                .filter(user -> !Boolean.FALSE.equals(user.isEnabled()))
                .filter(user -> !KeycloakSyntheticUsers.isSynthetic(user))
                .map(KeycloakDirectory::person)
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList();
    }

    /**
     * The user's persona traits (e.g. {@code tradingStyle -> intraday}), without the {@code persona.} prefix;
     * empty for an unknown user or one without traits.
     */
    public Map<String, String> personaOf(String username) {
        return personas.get(username, this::loadPersonaOf);
    }

    private Map<String, String> loadPersonaOf(String username) {
        Map<String, String> traits = new TreeMap<>();
        users.searchByUsername(username, true).stream().findFirst().ifPresent(found -> {
            Map<String, List<String>> attributes =
                    users.get(found.getId()).toRepresentation().getAttributes();
            if (attributes != null) {
                attributes.forEach((name, values) -> {
                    if (name.startsWith(PERSONA_PREFIX) && values != null && !values.isEmpty()) {
                        traits.put(name.substring(PERSONA_PREFIX.length()), values.get(0));
                    }
                });
            }
        });
        return Collections.unmodifiableMap(traits);
    }

    /** The partner a user belongs to (as its own user or on its team), if any. */
    public java.util.Optional<String> partnerOf(String username) {
        return users.searchByUsername(username, true).stream()
                .findFirst()
                .flatMap(user -> users.get(user.getId()).groups().stream()
                        .map(GroupRepresentation::getPath)
                        .filter(path -> path.startsWith(PARTNERS_GROUP + "/"))
                        .filter(path -> !path.contains("/delegations/"))
                        .map(path -> path.substring(PARTNERS_GROUP.length() + 1).split("/")[0])
                        .findFirst());
    }

    /** The people in {@code /partners/<partner>/team}: who the partner may delegate to. */
    public List<Person> teamOf(String partner) {
        return teams.get(partner, this::loadTeamOf);
    }

    /** The team is read anew next time: someone just joined it. */
    public void forgetTeamOf(String partner) {
        teams.forget(partner);
    }

    private List<Person> loadTeamOf(String partner) {
        GroupRepresentation team;
        try {
            team = realm.getGroupByPath(PARTNERS_GROUP + "/" + partner + "/team");
        } catch (NotFoundException e) {
            return List.of();
        }
        return groups.group(team.getId()).members(0, 500).stream()
                .map(KeycloakDirectory::person)
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList();
    }

    /** Everyone holding a realm role, e.g. the approvers. */
    public List<Person> withRole(String role) {
        return roleMembers.get(role, this::loadWithRole);
    }

    private List<Person> loadWithRole(String role) {
        return realm.roles().get(role).getUserMembers(0, 500).stream()
                .filter(user -> !Boolean.FALSE.equals(user.isEnabled()))
                .filter(user -> !KeycloakSyntheticUsers.isSynthetic(user))
                .map(KeycloakDirectory::person)
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList();
    }

    public Optional<Person> find(String username) {
        return people.get(username, this::loadPerson);
    }

    private Optional<Person> loadPerson(String username) {
        return users.searchByUsername(username, true).stream().findFirst().map(KeycloakDirectory::person);
    }

    private static Person person(UserRepresentation user) {
        String name = String.join(
                        " ",
                        java.util.Objects.requireNonNullElse(user.getFirstName(), ""),
                        java.util.Objects.requireNonNullElse(user.getLastName(), ""))
                .trim();
        return new Person(user.getUsername(), name.isEmpty() ? user.getUsername() : name, user.getEmail());
    }
}
