package com.partnerworkspace.keycloak;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
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
}
