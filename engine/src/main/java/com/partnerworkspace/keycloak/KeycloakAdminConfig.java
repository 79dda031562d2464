package com.partnerworkspace.keycloak;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeycloakAdminConfig {

    /** The admin API as the engine's service account (client credentials); tokens are fetched lazily. */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties keycloak) {
        return KeycloakBuilder.builder()
                .serverUrl(keycloak.internalUrl())
                .realm(keycloak.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(keycloak.engineClientId())
                .clientSecret(keycloak.engineClientSecret())
                .build();
    }

    @Bean
    RealmResource workspaceRealm(Keycloak keycloakAdmin, KeycloakProperties keycloak) {
        return keycloakAdmin.realm(keycloak.realm());
    }

    // The realm's sub-resources, built once for every adapter: RESTEasy builds a proxy by reading every
    // method of its interface, which cost more CPU than the HTTP call then made through it.

    @Bean
    UsersResource workspaceUsers(RealmResource workspaceRealm) {
        return workspaceRealm.users();
    }

    @Bean
    GroupsResource workspaceGroups(RealmResource workspaceRealm) {
        return workspaceRealm.groups();
    }

    @Bean
    ClientsResource workspaceClients(RealmResource workspaceRealm) {
        return workspaceRealm.clients();
    }
}
