package com.partnerworkspace.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.partnerworkspace.testsupport.Browsers;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;

/** Single sign-on into the Camunda webapps through the real Keycloak: ops get in, partners do not. */
@EngineTest
class CamundaWebappsJourneyTest {

    private static final String COCKPIT = EngineTest.BASE_URL + "/camunda/app/cockpit/default/";

    @Autowired
    IdentityService identity;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        context = Browsers.chromium().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
    }

    @Test
    void opsOpensCockpitWithTheirKeycloakLogin() {
        page.navigate(COCKPIT);
        KeycloakLoginPage.logIn(page, "omar");

        assertThat(page).hasURL(Pattern.compile(".*/camunda/app/cockpit/default/.*"));
        // Cockpit's first load in a fresh JVM takes a while.
        var slowFirstLoad = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
        assertThat(page.getByText("Process Definitions").first()).isVisible(slowFirstLoad);
        assertThat(page.getByText("Omar Khan").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(identity.createUserQuery().userId("omar").memberOfGroup("ops").count())
                .isEqualTo(1);
    }

    @Test
    void partnerIsRefusedTheWebapps() {
        page.navigate(COCKPIT);
        KeycloakLoginPage.logIn(page, "mukesh");

        assertThat(page.getByText("Process Definitions")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.request().get(COCKPIT).status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(identity.createUserQuery().userId("mukesh").count()).isZero();
    }
}
