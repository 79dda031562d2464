package com.partnerworkspace.system;

import com.partnerworkspace.keycloak.KeycloakProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the UI needs before anyone is logged in: where to send them to log in. */
@RestController
class UiConfigController {

    record UiConfig(String issuer, String clientId) {}

    private final KeycloakProperties keycloak;

    UiConfigController(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/api/ui-config")
    UiConfig uiConfig() {
        return new UiConfig(keycloak.issuer(), keycloak.uiClientId());
    }
}
