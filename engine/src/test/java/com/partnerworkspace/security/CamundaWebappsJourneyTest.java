package com.partnerworkspace.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.Slow;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Single sign-on into the Camunda webapps through the real Keycloak: ops get in, partners do not. */
@Slow
@EngineTest
class CamundaWebappsJourneyTest {

    private static final String COCKPIT = EngineTest.BASE_URL + "/camunda/app/cockpit/default/";

    @Autowired
    IdentityService identity;

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    private Page page;

    @BeforeEach
    void usePage() {
        page = browser.page();
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
        org.assertj.core.api.Assertions.assertThat(identity.createUserQuery()
                        .userId("omar")
                        .memberOfGroup("ops")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void partnerIsRefusedTheWebapps() {
        page.navigate(COCKPIT);
        KeycloakLoginPage.logIn(page, "mukesh");

        assertThat(page.getByText("Process Definitions")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.request().get(COCKPIT).status())
                .isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(
                        identity.createUserQuery().userId("mukesh").count())
                .isZero();
    }
}
