package com.partnerworkspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deny by default: only the listed public paths answer without a token; security headers everywhere. */
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
}
