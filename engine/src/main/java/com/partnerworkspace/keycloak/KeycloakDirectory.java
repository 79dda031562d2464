package com.partnerworkspace.keycloak;

import java.util.List;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/** The people and groups of the realm, read through the admin API. */
@Component
public class KeycloakDirectory {

    private static final String PARTNERS_GROUP = "/partners";

    private final RealmResource realm;

    KeycloakDirectory(RealmResource realm) {
        this.realm = realm;
    }

    /** Usernames of the members of {@code /partners/<partner>} and its sub-groups (teammates). */
    public List<String> membersOfPartner(String partner) {
        GroupRepresentation group = realm.getGroupByPath(PARTNERS_GROUP + "/" + partner);
        List<String> members = new java.util.ArrayList<>(
                usernames(realm.groups().group(group.getId()).members()));
        for (GroupRepresentation subGroup : realm.groups().group(group.getId()).getSubGroups(0, 100, true)) {
            members.addAll(usernames(realm.groups().group(subGroup.getId()).members()));
        }
        return members.stream().distinct().sorted().toList();
    }

    private static List<String> usernames(List<UserRepresentation> users) {
        return users.stream().map(UserRepresentation::getUsername).toList();
    }
}
