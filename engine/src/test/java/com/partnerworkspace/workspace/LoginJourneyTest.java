package com.partnerworkspace.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.testsupport.Browsers;
import com.partnerworkspace.testsupport.EngineTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner logs in on the real Keycloak login page, sees their workspace shell, and logs out. */
@EngineTest
class LoginJourneyTest {

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        context = Browsers.chromium().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login-journey-end.png")));
        context.close();
    }

    @Test
    void nikhilLogsInSeesHisWorkspaceAndLogsOut() {
        page.navigate(EngineTest.BASE_URL + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/realms/partner-workspace/.*"));
        page.getByLabel("Username or email").fill("nikhil");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("demo1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();

        var banner = page.getByRole(AriaRole.BANNER);
        assertThat(banner.getByText("Nikhil Sharma")).isVisible();
        assertThat(banner.getByText("Partner: nikhil")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Credentials"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login-journey-shell.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        assertThat(page.getByText("Nikhil Sharma")).hasCount(0);
    }
}
