package com.partnerworkspace.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;

/** /api/me and the 401/403 rules, with tokens issued by the real Keycloak. */
@EngineTest
class MeApiTest {

    @Test
    void partnerSeesThemselvesAndTheirPartner(KeycloakServer keycloak) {
        var me = Api.get("/api/me", keycloak.accessToken("nikhil"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("nikhil");
        assertThat(me.json().get("displayName").asText()).isEqualTo("Nikhil Sharma");
        assertThat(me.json().get("partner").asText()).isEqualTo("nikhil");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"partner\"]");
        // Direct grants are always level 1; auth_time comes only with browser logins (see LoginJourneyTest).
        assertThat(me.json().get("acr").asText()).isEqualTo("password");
    }

    @Test
    void teammateBelongsToTheirPartner(KeycloakServer keycloak) {
        var me = Api.get("/api/me", keycloak.accessToken("arjun"));

        assertThat(me.json().get("partner").asText()).isEqualTo("nikhil");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"analyst\"]");
    }

    @Test
    void approverHasNoPartner(KeycloakServer keycloak) {
        var me = Api.get("/api/me", keycloak.accessToken("priya"));

        assertThat(me.json().get("partner").isNull()).isTrue();
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"approver\"]");
    }

    @Test
    void noTokenIsUnauthorizedAsProblemJson() {
        var response = Api.get("/api/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void forgedTokenIsUnauthorized(KeycloakServer keycloak) {
        String token = keycloak.accessToken("nikhil");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        var response = Api.get("/api/me", tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void engineRestIsForOpsOnly(KeycloakServer keycloak) {
        var asPartner = Api.get("/engine-rest/process-definition?key=alert-silence", keycloak.accessToken("nikhil"));
        var asOps = Api.get("/engine-rest/process-definition?key=alert-silence", keycloak.accessToken("omar"));

        assertThat(asPartner.status()).isEqualTo(403);
        assertThat(asPartner.contentType()).startsWith("application/problem+json");
        assertThat(asOps.status()).isEqualTo(200);
        assertThat(asOps.json().get(0).get("key").asText()).isEqualTo("alert-silence");
    }

    @Test
    void engineRestWithoutTokenIsUnauthorized() {
        assertThat(Api.get("/engine-rest/engine", null).status()).isEqualTo(401);
    }

    @Test
    void camundaWebappsSendBrowsersToKeycloak() {
        var response = Api.get("/camunda/app/cockpit/default/", null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.raw().headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    void camundaWebappApiIsNotOpenWithoutALogin(KeycloakServer keycloak) {
        // The webapps' REST API is its own servlet; it must still sit behind the webapp login.
        var anonymous = Api.get("/camunda/api/engine/engine/default/process-definition/count", null);
        var withBearerToken =
                Api.get("/camunda/api/engine/engine/default/process-definition/count", keycloak.accessToken("omar"));

        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(withBearerToken.status()).isEqualTo(302);
    }

    @Test
    void uiConfigIsPublic() {
        var config = Api.get("/api/ui-config", null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("issuer").asText()).endsWith("/realms/" + KeycloakServer.REALM);
        assertThat(config.json().get("clientId").asText()).isEqualTo("workspace-ui");
    }
}
