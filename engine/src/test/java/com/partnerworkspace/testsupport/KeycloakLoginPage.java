package com.partnerworkspace.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** The real Keycloak login form, filled the way a person does it. */
public final class KeycloakLoginPage {

    private KeycloakLoginPage() {}

    public static void logIn(Page page, String username) {
        fillIn(page, username).click();
    }

    /** Fills the form and answers its "Sign In" button, for a test that times what follows the click. */
    public static Locator fillIn(Page page, String username) {
        assertThat(page).hasURL(Pattern.compile(".*/realms/" + KeycloakServer.REALM + "/.*"));
        page.getByLabel("Username or email").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(KeycloakServer.DEMO_PASSWORD);
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"));
    }
}
