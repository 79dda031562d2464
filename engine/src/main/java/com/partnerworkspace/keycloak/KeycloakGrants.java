package com.partnerworkspace.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delegated scopes as Keycloak sees them: membership of {@code /partners/<partner>/delegations/<scope>},
 * which the {@code groups} claim of the holder's next token carries. Bots are confidential clients
 * whose service account holds such memberships. Every operation is idempotent, so a retried process
 * step never doubles anything.
 */
@Component
public class KeycloakGrants {

    private static final Logger log = LoggerFactory.getLogger(KeycloakGrants.class);
    public static final String DELEGATIONS_SEGMENT = "delegations";

    private final RealmResource realm;
    private final UsersResource users;
    private final GroupsResource groups;
    private final ClientsResource clients;
    private final String engineAudience;
    /** One proxy per user, for the same reason the realm's sub-resources are beans. */
    private final ShortLivedCache<String, UserResource> userResources =
            new ShortLivedCache<>(java.time.Duration.ofMinutes(10));

    private final ShortLivedCache<String, String> userIds = new ShortLivedCache<>(java.time.Duration.ofMinutes(10));
    private final ShortLivedCache<String, String> groupIds = new ShortLivedCache<>(java.time.Duration.ofMinutes(10));

    KeycloakGrants(
            RealmResource realm,
            UsersResource users,
            GroupsResource groups,
            ClientsResource clients,
            KeycloakProperties keycloak) {
        this.realm = realm;
        this.users = users;
        this.groups = groups;
        this.clients = clients;
        this.engineAudience = keycloak.engineClientId();
    }

    /** The group path carrying a delegated scope. */
    public static String groupPath(String partner, String scope) {
        return "/partners/" + partner + "/" + DELEGATIONS_SEGMENT + "/" + scope;
    }

    /**
     * Adds the user to every scope's group. All or nothing: when Keycloak fails half-way, the groups
     * joined by this call are left again before the failure is thrown.
     */
    public void grant(String username, String partner, Collection<String> scopes) {
        String userId = userId(username);
        List<String> joined = new ArrayList<>();
        try {
            for (String scope : scopes) {
                String groupId = ensureGroup(partner, scope);
                user(userId).joinGroup(groupId);
                joined.add(groupId);
            }
        } catch (RuntimeException e) {
            forgetIds(username, partner, scopes);
            for (String groupId : joined) {
                try {
                    user(userId).leaveGroup(groupId);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Removes the user from the scopes' groups; a membership or group that is gone already is fine. */
    public void revoke(String username, String partner, Collection<String> scopes) {
        String userId = userId(username);
        try {
            for (String scope : scopes) {
                String path = groupPath(partner, scope);
                String groupId = groupIds.get(
                        path, p -> findGroup(p).map(GroupRepresentation::getId).orElse(""));
                if (groupId.isEmpty()) {
                    groupIds.forget(path); // never remember a group as missing: a grant may create it
                } else {
                    user(userId).leaveGroup(groupId);
                }
            }
        } catch (RuntimeException e) {
            forgetIds(username, partner, scopes);
            throw e;
        }
    }

    private void forgetIds(String username, String partner, Collection<String> scopes) {
        userIds.forget(username);
        scopes.forEach(scope -> groupIds.forget(groupPath(partner, scope)));
    }

    /**
     * A confidential client with a service account for a bot, created once; a retry finds the one made
     * before. The secret is returned for the caller to put straight into Vault.
     */
    public BotClient createBotClient(String partner, String clientId, String displayName) {
        ClientRepresentation existing = findClient(clientId);
        if (existing == null) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(displayName);
            client.setDescription("Bot of partner " + partner + ", created by a delegation");
            client.setEnabled(true);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setProtocolMappers(List.of(groupsMapper(), audienceMapper(engineAudience)));
            try (Response response = clients.create(client)) {
                CreatedResponseUtil.getCreatedId(response);
            }
            existing = findClient(clientId);
            log.info("Created bot client {} for partner {}", clientId, partner);
        }
        ClientResource resource = clients.get(existing.getId());
        UserRepresentation serviceAccount = resource.getServiceAccountUser();
        return new BotClient(
                clientId, serviceAccount.getUsername(), resource.getSecret().getValue());
    }

    /** Turns a bot's client off: it gets no new tokens. */
    public void disableBotClient(String clientId) {
        ClientRepresentation client = findClient(clientId);
        if (client != null && !Boolean.FALSE.equals(client.isEnabled())) {
            client.setEnabled(false);
            clients.get(client.getId()).update(client);
            log.info("Disabled bot client {}", clientId);
        }
    }

    /**
     * @param serviceAccount the username the bot's tokens carry ({@code service-account-<clientId>})
     */
    public record BotClient(String clientId, String serviceAccount, String secret) {

        @Override
        public String toString() {
            return "BotClient[" + clientId + ", " + serviceAccount + "]";
        }
    }

    private UserResource user(String userId) {
        return userResources.get(userId, users::get);
    }

    private String userId(String username) {
        return userIds.get(username, this::loadUserId);
    }

    private String loadUserId(String username) {
        return users.searchByUsername(username, true).stream()
                .findFirst()
                .map(UserRepresentation::getId)
                .orElseThrow(() -> new IllegalStateException("no user " + username + " in the realm"));
    }

    private String ensureGroup(String partner, String scope) {
        return groupIds.get(groupPath(partner, scope), path -> createGroupIfMissing(partner, scope));
    }

    private String createGroupIfMissing(String partner, String scope) {
        java.util.Optional<GroupRepresentation> existing = findGroup(groupPath(partner, scope));
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        GroupRepresentation parent = findGroup("/partners/" + partner + "/" + DELEGATIONS_SEGMENT)
                .orElseGet(() -> createSubGroup(realm.getGroupByPath("/partners/" + partner), DELEGATIONS_SEGMENT));
        return createSubGroup(parent, scope).getId();
    }

    private GroupRepresentation createSubGroup(GroupRepresentation parent, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response response = groups.group(parent.getId()).subGroup(group)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw new IllegalStateException("Keycloak refused group " + name + ": HTTP " + response.getStatus());
            }
        }
        return findGroup(parent.getPath() + "/" + name)
                .orElseThrow(() -> new IllegalStateException("group " + name + " not found after creating it"));
    }

    private java.util.Optional<GroupRepresentation> findGroup(String path) {
        try {
            return java.util.Optional.of(realm.getGroupByPath(path));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    private ClientRepresentation findClient(String clientId) {
        return clients.findByClientId(clientId).stream().findFirst().orElse(null);
    }

    /** The engine accepts only tokens whose {@code aud} names it; a bot's tokens are meant for the engine. */
    private static ProtocolMapperRepresentation audienceMapper(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(audience + " audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of(
                "included.client.audience", audience,
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true"));
        return mapper;
    }

    private static ProtocolMapperRepresentation groupsMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("groups");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-group-membership-mapper");
        mapper.setConfig(Map.of(
                "full.path", "true",
                "claim.name", "groups",
                "access.token.claim", "true",
                "id.token.claim", "false",
                "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
        return mapper;
    }
}
