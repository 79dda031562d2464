package com.partnerworkspace.system.internal;

import com.partnerworkspace.keycloak.KeycloakProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the UI needs before anyone is logged in: where to send them to log in. */
@RestController
class UiConfigController {

    /**
     * @param requireHttps whether the UI insists on HTTPS for the issuer: always, unless Keycloak runs
     *     on this machine (the local stack and tests)
     */
    record UiConfig(String issuer, String clientId, boolean requireHttps) {}

    private final KeycloakProperties keycloak;

    UiConfigController(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @Operation(summary = "Where the UI sends people to log in (public)")
    @GetMapping(path = "/api/ui-config", produces = MediaType.APPLICATION_JSON_VALUE)
    UiConfig uiConfig() {
        return new UiConfig(keycloak.issuer(), keycloak.uiClientId(), !keycloak.isOnLoopback());
    }
}
