package com.partnerworkspace.keycloak;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Keycloak is and how the engine and the UI use it.
 *
 * @param url the base URL browsers use; tokens carry it as their issuer
 * @param internalUrl where the engine itself reaches Keycloak when that differs from {@code url}
 *     (containers: {@code http://keycloak:8180}); defaults to {@code url}
 * @param engineClientSecret the confidential client's secret; comes from configuration, never logged
 */
@Validated
@ConfigurationProperties("workspace.keycloak")
public record KeycloakProperties(
        @NotBlank String url,
        @NotBlank String internalUrl,
        @NotBlank String realm,
        @NotBlank String uiClientId,
        @NotBlank String engineClientId,
        @NotBlank String engineClientSecret) {

    public String issuer() {
        return url + "/realms/" + realm;
    }

    /** Whether Keycloak is reached on this machine, the one case where plain HTTP is acceptable. */
    public boolean isOnLoopback() {
        return Loopback.isLoopbackUrl(url);
    }

    @Override
    public String toString() {
        return "KeycloakProperties[url=" + url + ", internalUrl=" + internalUrl + ", realm=" + realm + ", uiClientId="
                + uiClientId + ", engineClientId=" + engineClientId + "]";
    }
}
