package com.partnerworkspace.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A partner logs in on the real Keycloak login page, sees their workspace shell, and logs out. */
@Slow
@EngineTest
class LoginJourneyTest {

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    private Page page;

    @BeforeEach
    void usePage() {
        page = browser.page();
    }

    @Test
    void nikhilLogsInSeesHisWorkspaceAndLogsOut() {
        page.navigate(EngineTest.BASE_URL + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, "nikhil");

        Locator banner = page.getByRole(AriaRole.BANNER);
        assertThat(banner.getByText("Nikhil Sharma")).isVisible();
        assertThat(banner.getByText("Partner: nikhil")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Nikhil Sharma")))
                .isVisible();
        assertThat(profileValue("Partner")).hasText("nikhil");
        assertThat(profileValue("Sign-in method")).hasText("Signed in with password");
        assertThat(profileValue("Authenticated at")).not().hasText("Not available");

        Locator navigation =
                page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        assertThat(link(navigation, "Credentials")).isVisible();
        assertThat(link(navigation, "Models")).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")))
                .isVisible();
        assertThat(page.getByText("Nikhil Sharma")).hasCount(0);
    }

    @Test
    void opsSeesTheModelsPage() {
        page.navigate(EngineTest.BASE_URL + "/models");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, "omar");

        Locator navigation =
                page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        assertThat(link(navigation, "Models")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Models")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Deployed models")))
                .containsText("delegation-approval");
    }

    /** The value beside a label in the profile panel's description list. */
    private Locator profileValue(String label) {
        return page.locator("dt", new Page.LocatorOptions().setHasText(label))
                .locator("xpath=following-sibling::dd[1]")
                .first();
    }

    private static Locator link(Locator scope, String name) {
        return scope.getByRole(
                AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
