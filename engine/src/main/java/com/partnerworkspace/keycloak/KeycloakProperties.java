package com.partnerworkspace.keycloak;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Keycloak is and how the engine and the UI use it.
 *
 * @param url the base URL browsers and the engine both use (tokens carry it as their issuer)
 * @param engineClientSecret the confidential client's secret; comes from configuration, never logged
 */
@Validated
@ConfigurationProperties("workspace.keycloak")
public record KeycloakProperties(
        @NotBlank String url,
        @NotBlank String realm,
        @NotBlank String uiClientId,
        @NotBlank String engineClientId,
        @NotBlank String engineClientSecret) {

    public String issuer() {
        return url + "/realms/" + realm;
    }

    @Override
    public String toString() {
        return "KeycloakProperties[url=" + url + ", realm=" + realm + ", uiClientId=" + uiClientId
                + ", engineClientId=" + engineClientId + "]";
    }
}
