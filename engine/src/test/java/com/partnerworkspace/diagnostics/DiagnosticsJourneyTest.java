package com.partnerworkspace.diagnostics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.Slow;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The self-service diagnostics journey in the real UI: {@code nitin} adds a broker-sim connection with a
 * wrong client secret, sees it refused with the guide beside the failure, opens the OAuth doctor from the
 * failure, reads the guide's fix in place, follows it (adds the connection again with the right secret
 * and revokes the rejected one), re-runs the doctor green, then runs the Playwright smoke test on the
 * fixed connection and sees its steps and screenshots.
 */
@Slow
@EngineTest
class DiagnosticsJourneyTest {

    private static final String PARTNER = "nitin";
    private static final double UI_TIMEOUT_MS = 30_000;
    /** The smoke test has a 60 s deadline of its own. */
    private static final double SMOKE_TEST_TIMEOUT_MS = 65_000;

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    private Page page;

    @BeforeEach
    void usePage() {
        page = browser.page();
        page.setDefaultTimeout(UI_TIMEOUT_MS);
    }

    @Test
    void nitinFixesAWrongSecretWithTheDoctorAndItsGuideThenRunsTheSmokeTest() {
        String label = "Doctor journey " + UUID.randomUUID().toString().substring(0, 8);
        String fixedLabel = label + " fixed";

        // 1. A connection with a wrong secret: the broker refuses it, the guide section opens beside it.
        page.navigate(EngineTest.BASE_URL + "/credentials");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, PARTNER);
        addConnection(label, "not-the-secret");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("The broker refused the keys", slowText());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))
                .click();
        Locator rejected = cardOf(label);
        assertThat(rejected).containsText("The broker refused the keys", slowText());

        // 2. The doctor, opened from the failure, runs on that connection and names the cause.
        rejected.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Run the OAuth doctor"))
                .click();
        Locator credentials = latestRunOf(label).locator("[data-check='client-credentials']");
        assertThat(credentials).hasClass(Pattern.compile("\\bfail\\b"), slowClass());
        assertThat(credentials).containsText("refused the client id or secret");

        // 3. The guide's fix, read beside the check: add the connection again with the corrected keys.
        credentials
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("How to fix this"))
                .click();
        assertThat(credentials.getByRole(AriaRole.REGION)).containsText("Add the connection again");
        credentials
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Add the connection again with the corrected keys"))
                .click();
        addConnection(fixedLabel, Connections.BROKER_SIM_SECRET);
        assertThat(page.getByText("Connection verified")).isVisible(slowVisible());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(cardOf(fixedLabel).locator("[data-state]")).hasText("Active", slowHasText());
        cardOf(label)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke connection"))
                .click();
        assertThat(cardOf(label).locator("[data-state]")).hasText("Revoked", slowHasText());

        // 4. The doctor re-run on the fixed connection: the keys pass and nothing fails.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Diagnostics"))
                .first()
                .click();
        Locator fixed = doctorOf(fixedLabel);
        fixed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run OAuth doctor"))
                .click();
        assertThat(latestRunOf(fixedLabel).locator("[data-check='client-credentials']"))
                .hasClass(Pattern.compile("\\bpass\\b"), slowClass());
        assertThat(latestRunOf(fixedLabel).locator("[data-check].fail")).hasCount(0);

        // 5. The smoke test on the fixed connection: each step with its status and a masked screenshot.
        page.navigate(EngineTest.BASE_URL + "/credentials");
        Locator card = cardOf(fixedLabel);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run Playwright smoke test"))
                .click();
        Locator verdict = card.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Smoke test"));
        assertThat(verdict)
                .hasAttribute(
                        "data-state",
                        "PASSED",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(SMOKE_TEST_TIMEOUT_MS));
        Locator steps = card.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Smoke test steps"))
                .getByRole(AriaRole.LISTITEM);
        assertThat(steps.first()).isVisible();
        assertThat(card.locator("[data-status='failed']")).hasCount(0);
        assertThat(card.getByRole(AriaRole.IMG).first()).isVisible(slowVisible());
        assertThat(card.getByRole(AriaRole.IMG).first())
                .hasAttribute("alt", Pattern.compile("Screenshot after: .*\\(secret fields masked\\)"));

        // 6. The connection the smoke test made and revoked does not clutter nitin's connections.
        page.reload();
        assertThat(cardOf(fixedLabel)).isVisible(slowVisible());
        assertThat(page.getByRole(
                        AriaRole.LISTITEM,
                        new Page.GetByRoleOptions().setName(Pattern.compile("^Smoke test [0-9a-f]{8}$"))))
                .hasCount(0);
    }

    /** Add connection, the keys, then broker-sim's login as trader (skipped when its session still holds). */
    private void addConnection(String label, String secret) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add connection"))
                .click();
        page.getByLabel("Broker").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Broker Sim (OAuth 2)"))
                .click();
        page.getByLabel("Label").fill(label);
        page.getByLabel("Client ID").fill(Connections.BROKER_SIM_CLIENT);
        page.getByLabel("Client secret").fill(secret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to broker login"))
                .click();
        Locator username = page.getByLabel("Username or email");
        Locator back = page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"));
        assertThat(username.or(back)).isVisible(slowVisible());
        if (username.isVisible()) {
            username.fill("trader");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill("demo1234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                    .click();
        }
    }

    private Locator cardOf(String label) {
        return page.getByRole(
                AriaRole.LISTITEM, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private Locator doctorOf(String label) {
        return page.getByRole(
                AriaRole.ARTICLE, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** The run shown on top of the connection's doctor section (its history below repeats it). */
    private Locator latestRunOf(String label) {
        return doctorOf(label).locator(":scope > app-doctor-result");
    }

    private static LocatorAssertions.IsVisibleOptions slowVisible() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static LocatorAssertions.ContainsTextOptions slowText() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static LocatorAssertions.HasTextOptions slowHasText() {
        return new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static LocatorAssertions.HasClassOptions slowClass() {
        return new LocatorAssertions.HasClassOptions().setTimeout(UI_TIMEOUT_MS);
    }
}
