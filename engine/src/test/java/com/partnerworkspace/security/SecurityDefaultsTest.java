package com.partnerworkspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deny by default: only the listed public paths answer without a token, only tokens meant for the engine
 * are accepted, and the realm stops password guessing; security headers everywhere.
 */
@EngineTest
class SecurityDefaultsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"/internal/secret.txt", "/config/application.yml", "/api.php", "/engine-rest", "/actuator/env"})
    void madeUpPathsAreRefused(String path, KeycloakServer keycloak) {
        var anonymous = Api.get(path, null);
        var partner = Api.get(path, keycloak.accessToken("nikhil"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyReadingTheUiIsPublic() {
        var post = Api.send("/workspace", null, r -> r.POST(BodyPublishers.ofString("x")));
        var put = Api.send("/", null, r -> r.PUT(BodyPublishers.ofString("x")));

        assertThat(post.status()).isEqualTo(401);
        assertThat(put.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/workspace", "/credentials/broker-sim/deep/link", "/share/abc123", "/inbox"})
    void uiRoutesGetTheAppsIndexPage(String path) {
        var page = Api.get(path, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<app-root>");
    }

    @Test
    void theAppsOwnFilesArePublic() {
        String index = Api.get("/", null).body();
        var script = Pattern.compile("src=\"(main-[A-Z0-9]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("index.html names its main script").isTrue();

        assertThat(Api.get("/" + script.group(1), null).status()).isEqualTo(200);
        assertThat(Api.get("/favicon.ico", null).status()).isEqualTo(200);
    }

    @Test
    void uiConfigHealthAndApiDocsArePublic() {
        assertThat(Api.get("/api/ui-config", null).status()).isEqualTo(200);
        assertThat(Api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(Api.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void uiConfigAllowsPlainHttpOnlyForAKeycloakOnThisMachine() {
        var config = Api.get("/api/ui-config", null).json();

        assertThat(config.get("issuer").asText()).startsWith("http://localhost:");
        assertThat(config.get("requireHttps").asBoolean()).isFalse();
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (var response : new Api.Response[] {Api.get("/", null), Api.get("/api/me", null)}) {
            var headers = response.raw().headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'")
                            .contains("connect-src 'self' http://localhost:")
                            .doesNotContain("unsafe-eval"));
        }
    }

    @Test
    void theCamundaWebappsMayFrameThemselves() {
        var webapp = Api.get("/camunda/app/cockpit/default/", null);

        assertThat(webapp.raw().headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    /**
     * A token is accepted only when its {@code aud} names the engine: two clients of the realm, alike but
     * for the audience mapper, get valid tokens from the same Keycloak; only the one meant for the engine
     * gets in.
     */
    @Test
    void tokensIssuedToOtherClientsOfTheRealmAreRefused(KeycloakServer keycloak) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String meantForEngine = createServiceClient("test-aud-engine-" + suffix, true);
        String meantForOthers = createServiceClient("test-aud-other-" + suffix, false);
        try {
            var accepted = Api.get("/api/me", keycloak.clientCredentialsToken(meantForEngine, CLIENT_SECRET));
            var refused = Api.get("/api/me", keycloak.clientCredentialsToken(meantForOthers, CLIENT_SECRET));

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        } finally {
            deleteClient(meantForEngine);
            deleteClient(meantForOthers);
        }
    }

    /**
     * Guessing passwords through the direct grant locks the account for a while: after the realm's
     * failure factor of wrong passwords, the right one is refused too. A throwaway user, so nobody else
     * is locked out.
     */
    @Test
    void wrongPasswordsLockTheAccountForAWhile(KeycloakServer keycloak) {
        String username = "guess-target-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "right-" + UUID.randomUUID();
        String id = createUser(username, password);
        try {
            assertThat(passwordGrant(keycloak, username, password)).isEqualTo(200);
            for (int i = 0; i < FAILURE_FACTOR; i++) {
                assertThat(passwordGrant(keycloak, username, "wrong-" + i))
                        .as("guess " + i)
                        .isEqualTo(401);
            }

            assertThat(passwordGrant(keycloak, username, password))
                    .as("the right password while locked")
                    .isNotEqualTo(200);
        } finally {
            users.delete(id).close();
        }
    }

    private static final String CLIENT_SECRET = "test-client-secret";
    /** {@code failureFactor} in keycloak-realm/partner-workspace-realm.json. */
    private static final int FAILURE_FACTOR = 10;

    @Autowired
    ClientsResource clients;

    @Autowired
    UsersResource users;

    private String createServiceClient(String clientId, boolean withEngineAudience) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setSecret(CLIENT_SECRET);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        if (withEngineAudience) {
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("engine audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.client.audience", "workspace-engine", "access.token.claim", "true"));
            client.setProtocolMappers(List.of(audience));
        }
        try (Response created = clients.create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        return clientId;
    }

    private void deleteClient(String clientId) {
        clients.findByClientId(clientId)
                .forEach(client -> clients.get(client.getId()).remove());
    }

    private String createUser(String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@partner-workspace.local");
        user.setEmailVerified(true);
        user.setFirstName("Guess");
        user.setLastName("Target");
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = users.create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static int passwordGrant(KeycloakServer keycloak, String username, String password) {
        String form = "grant_type=password&client_id=workspace-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
