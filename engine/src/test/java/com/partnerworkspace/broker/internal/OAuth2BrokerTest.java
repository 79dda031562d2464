package com.partnerworkspace.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.testsupport.Browsers;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.RealServersExtension;
import com.partnerworkspace.testsupport.RealServersExtension.Server;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generic OAuth 2.0 adapter against a real authorization server: the broker-sim realm of Keycloak.
 * A person ({@code trader}) logs in in Chromium for the code; the adapter does the rest.
 */
@ExtendWith(RealServersExtension.class)
@RealServersExtension.Needs(Server.KEYCLOAK)
class OAuth2BrokerTest {

    private static final URI REDIRECT = URI.create("http://localhost:18080/api/brokers/callback");
    private static final Keys KEYS = new Keys("partner-workspace", "broker-sim-secret");

    private final OAuth2Broker adapter = new OAuth2Broker(new BrokerHttp(), java.time.Clock.systemUTC());
    private Broker brokerSim;

    @BeforeEach
    void brokerSim(KeycloakServer keycloak) {
        URI issuer = URI.create(keycloak.url() + "/realms/broker-sim");
        brokerSim = new Broker("broker-sim", "Broker Sim", "oauth2", issuer, issuer, null, null, null, null);
    }

    @Test
    void codeWithPkceRefreshVerifyAndRevoke(KeycloakServer keycloak) {
        Login login = newLogin();
        adapter.checkLogin(brokerSim, KEYS, login);

        Tokens tokens = adapter.exchange(
                brokerSim, KEYS, logInAsTrader(adapter.authorizationUrl(brokerSim, KEYS, login)), login);

        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.sessionExpiresAt()).isAfter(tokens.accessExpiresAt().minusSeconds(1));
        assertThat(adapter.verify(brokerSim, KEYS, tokens)).isNotBlank();

        Tokens renewed = adapter.refresh(brokerSim, KEYS, tokens);
        assertThat(renewed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(adapter.verify(brokerSim, KEYS, renewed)).isNotBlank();

        adapter.revoke(brokerSim, KEYS, renewed);
        assertThat(keycloak.brokerSimTokenActive(renewed.accessToken())).isFalse();
        assertThatThrownBy(() -> adapter.refresh(brokerSim, KEYS, renewed))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.SESSION_EXPIRED));
        adapter.revoke(brokerSim, KEYS, renewed);
    }

    @Test
    void aWrongSecretIsNamedKeysRejected() {
        Login login = newLogin();
        Map<String, String> callback = logInAsTrader(adapter.authorizationUrl(brokerSim, KEYS, login));

        assertThatThrownBy(
                        () -> adapter.exchange(brokerSim, new Keys(KEYS.apiKey(), "not-the-secret"), callback, login))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.KEYS_REJECTED));
    }

    @Test
    void aCodeUsedTwiceIsCodeRejectedNotAnEndedSession() {
        Login login = newLogin();
        Map<String, String> callback = logInAsTrader(adapter.authorizationUrl(brokerSim, KEYS, login));
        adapter.exchange(brokerSim, KEYS, callback, login);

        assertThatThrownBy(() -> adapter.exchange(brokerSim, KEYS, callback, login))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CODE_REJECTED);
                    assertThat(e.getMessage()).contains("used already or has expired");
                });
    }

    @Test
    void theLoginCheckTellsAnUnknownClientFromAnUnknownReturnAddress() {
        assertThatThrownBy(() -> adapter.checkLogin(brokerSim, new Keys("no-such-client", "x"), newLogin()))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.KEYS_REJECTED));
        Login elsewhere = new Login("s", "v".repeat(43), URI.create("http://localhost:9/not-registered"));
        assertThatThrownBy(() -> adapter.checkLogin(brokerSim, KEYS, elsewhere))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REDIRECT_URI_MISMATCH));
    }

    @Test
    void aDeclinedLoginIsAccessDenied() {
        assertThatThrownBy(() ->
                        adapter.exchange(brokerSim, KEYS, Map.of("error", "access_denied", "state", "s"), newLogin()))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ACCESS_DENIED));
    }

    @Test
    void aBrokerThatCannotBeReachedIsUnreachable() {
        URI nowhere = URI.create("http://127.0.0.1:9/realms/none");
        Broker down = new Broker("down", "Down", "oauth2", nowhere, nowhere, null, null, null, null);
        assertThatThrownBy(() -> adapter.checkLogin(down, KEYS, newLogin()))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BROKER_UNREACHABLE));
    }

    private static Login newLogin() {
        return new Login(UUID.randomUUID().toString(), UUID.randomUUID() + "-" + UUID.randomUUID(), REDIRECT);
    }

    /** trader logs in at broker-sim in Chromium; the redirect back is caught before it leaves the browser. */
    private static Map<String, String> logInAsTrader(URI authorizationUrl) {
        AtomicReference<String> returned = new AtomicReference<>();
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            // The browser follows the broker's redirect to the workspace; the request says where it went.
            context.onRequest(request -> {
                if (request.url().startsWith(REDIRECT.toString())) {
                    returned.compareAndSet(null, request.url());
                }
            });
            page.navigate(authorizationUrl.toString());
            page.getByLabel("Username or email").fill("trader");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill("demo1234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                    .click();
            page.waitForCondition(() -> returned.get() != null, new Page.WaitForConditionOptions().setTimeout(30_000));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(returned.get()).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
