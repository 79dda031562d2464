package com.partnerworkspace.credentials;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.Browsers;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The broker-connection journey in the real UI: {@code nitin} adds a broker-sim connection, logs in at
 * the broker (the broker-sim realm of the real Keycloak) as {@code trader}, sees it verified and active,
 * rotates it, reveals it after an OTP step-up, shares it with an auditor outside the partner (named on
 * purpose: nitin has no team of his own), who opens the link once in a browser of their own with the
 * code from their email (a second open fails), and revokes it: Vault holds
 * nothing for it, broker-sim says the token is inactive, and the audit trail verifies. The broker login
 * link opened in another browser completes nothing there.
 */
@Slow
@EngineTest
class CredentialsJourneyTest {

    private static final String PARTNER = "nitin";
    private static final double UI_TIMEOUT_MS = 30_000;

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Autowired
    VaultSecrets vault;

    private Page page;

    @BeforeEach
    void usePage() {
        page = browser.page();
        page.setDefaultTimeout(UI_TIMEOUT_MS);
    }

    @Test
    void nitinConnectsRotatesRevealsSharesAndRevokes() {
        String label = "Journey account " + UUID.randomUUID().toString().substring(0, 8);

        // 1. Log in, add a connection: keys, then the broker's own login, then verified.
        page.navigate(EngineTest.BASE_URL + "/credentials");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, PARTNER);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Credentials")))
                .isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add connection"))
                .click();
        page.getByLabel("Broker").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Broker Sim (OAuth 2)"))
                .click();
        page.getByLabel("Label").fill(label);
        page.getByLabel("Client ID").fill(Connections.BROKER_SIM_CLIENT);
        page.getByLabel("Client secret").fill(Connections.BROKER_SIM_SECRET);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to broker login"))
                .click();

        assertThat(page)
                .hasURL(
                        Pattern.compile(".*/realms/broker-sim/.*"),
                        new PageAssertions.HasURLOptions().setTimeout(UI_TIMEOUT_MS));
        someoneElseCannotFinish(page.url());
        page.getByLabel("Username or email").fill("trader");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("demo1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                .click();

        assertThat(page.getByText("Connection verified")).isVisible(slow());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))
                .click();
        Locator card = cardOf(label);
        assertThat(card.locator("[data-state]"))
                .hasText("Active", new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS));
        String id = card.getAttribute("data-connection");
        SecretPath path = new SecretPath(PARTNER, "connection-" + id);
        assertThat(vault.metadata(path).currentVersion()).isEqualTo(2);

        // 2. Rotate: one new version, verified with the broker.
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate"))
                .click();
        Connections.awaitConnection(
                id,
                PARTNER,
                c -> c.get("activity").isNull() && vault.metadata(path).currentVersion() == 3,
                "rotated");

        // 3. Reveal needs a fresh MFA: the page steps up, then shows the values.
        cardOf(label)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reveal"))
                .click();
        stepUpWithOtp(PARTNER);
        Locator revealed = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Revealed values"));
        assertThat(revealed).isVisible(slow());
        assertThat(revealed.getByLabel("API key")).hasValue(Connections.BROKER_SIM_CLIENT);
        String accessToken = revealed.getByLabel("Access token").inputValue();
        assertThat(RealServers.keycloak().brokerSimTokenActive(accessToken)).isTrue();

        // 4. Share with an outside auditor, named on purpose: a single-use link.
        String auditor = "auditor-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@outside.example";
        cardOf(label)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Share"))
                .click();
        page.getByLabel("Share with an email address outside the partner").check();
        page.getByLabel("Outside email address").fill(auditor);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link"))
                .click();
        Locator link = page.getByLabel("Share link", new Page.GetByLabelOptions().setExact(true));
        assertThat(link)
                .hasValue(
                        Pattern.compile(".*/share/[A-Za-z0-9_-]+"),
                        new LocatorAssertions.HasValueOptions().setTimeout(UI_TIMEOUT_MS));
        String url = link.inputValue();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))
                .click();

        try (BrowserContext outside = Browsers.chromium().newContext()) {
            Page shared = outside.newPage();
            shared.setDefaultTimeout(UI_TIMEOUT_MS);
            shared.navigate(url);
            List<MailServer.Mail> mailsBefore = MailServer.shared().mailsTo(auditor);
            shared.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a one-time code"))
                    .click();
            shared.getByLabel("One-time code").fill(oneTimeCode(auditor, mailsBefore));
            shared.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Open").setExact(true))
                    .click();
            assertThat(shared.getByLabel("Access token"))
                    .hasValue(accessToken, new LocatorAssertions.HasValueOptions().setTimeout(UI_TIMEOUT_MS));

            Page again = outside.newPage();
            again.setDefaultTimeout(UI_TIMEOUT_MS);
            again.navigate(url);
            again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a one-time code"))
                    .click();
            assertThat(again.getByRole(AriaRole.ALERT))
                    .containsText(
                            "already opened or has expired",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS));
        }

        // 5. Revoke: the consequences are listed; afterwards nothing is left of the credential.
        cardOf(label)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("destroyed in Vault");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke connection"))
                .click();
        assertThat(cardOf(label).locator("[data-state]"))
                .hasText("Revoked", new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS));
        Connections.awaitIdle(id, PARTNER);
        assertThatThrownBy(() -> vault.metadata(path)).isInstanceOf(VaultSecrets.SecretNotFoundException.class);
        assertThat(RealServers.keycloak().brokerSimTokenActive(accessToken)).isFalse();
        assertThat(Api.get("/api/audit/verify", RealServers.keycloak().accessToken("omar"))
                        .json()
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    /**
     * The broker login link opened in another browser (one nitin handed it to): after logging in at the
     * broker, that browser lands on a page that says the login was started elsewhere, and nothing is
     * completed; nitin's own browser goes on.
     */
    private static void someoneElseCannotFinish(String authorizationUrl) {
        try (BrowserContext other = Browsers.chromium().newContext()) {
            Page elsewhere = other.newPage();
            elsewhere.setDefaultTimeout(UI_TIMEOUT_MS);
            elsewhere.navigate(authorizationUrl);
            elsewhere.getByLabel("Username or email").fill("trader");
            elsewhere
                    .getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill("demo1234");
            elsewhere
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                    .click();
            assertThat(elsewhere)
                    .hasURL(
                            EngineTest.BASE_URL + "/credentials/login-elsewhere",
                            new PageAssertions.HasURLOptions().setTimeout(UI_TIMEOUT_MS));
            assertThat(elsewhere.getByRole(AriaRole.ALERT))
                    .hasText(
                            "This broker login was started in another browser or by someone else."
                                    + " Start it again from your Credentials page.",
                            new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS));
        }
    }

    private Locator cardOf(String label) {
        return page.getByRole(AriaRole.LISTITEM, new Page.GetByRoleOptions().setName(label));
    }

    private static LocatorAssertions.IsVisibleOptions slow() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static String oneTimeCode(String address, List<MailServer.Mail> before) {
        String body = MailServer.shared()
                .awaitMail(
                        address,
                        mail -> mail.subject().startsWith("Your one-time code") && !before.contains(mail),
                        Duration.ofSeconds(60))
                .body();
        Matcher code = Pattern.compile("(\\d{6})").matcher(body);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** Keycloak's step-up: the password (when asked) and a TOTP code of a time step not used before. */
    private void stepUpWithOtp(String username) {
        assertThat(page)
                .hasURL(
                        Pattern.compile(".*/realms/" + KeycloakServer.REALM + "/.*"),
                        new PageAssertions.HasURLOptions().setTimeout(UI_TIMEOUT_MS));
        Locator password = page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
        Locator otp = page.getByLabel("One-time code", new Page.GetByLabelOptions().setExact(true));
        assertThat(password.or(otp)).isVisible(slow());
        if (password.isVisible()) {
            password.fill(KeycloakServer.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                    .click();
        }
        for (int attempt = 1; ; attempt++) {
            assertThat(otp).isVisible(slow());
            otp.fill(RealServers.keycloak().unusedTotpCode(username));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                    .click();
            try {
                page.waitForURL(
                        url -> url.startsWith(EngineTest.BASE_URL), new Page.WaitForURLOptions().setTimeout(15_000));
                return;
            } catch (TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
