package com.partnerworkspace.alerts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alert journey in the real UI: nitin shortens his warning escalation delay in the preferences
 * form; ops raise two test alerts for him; the email for the first arrives with an acknowledgement link,
 * which works without login and stops that alert's escalation; the Alerts page shows it acknowledged,
 * while the second, unacknowledged, reaches level 2 after the short delay.
 */
@Slow
@EngineTest
class AlertsJourneyTest {

    private static final String PARTNER = "nitin";
    private static final String MAIL = "nitin@partner-workspace.local";
    private static final double UI_TIMEOUT_MS = 30_000;
    /** Set in the form; the test then moves the engine's clock by it rather than waiting. */
    private static final Duration ESCALATION_DELAY = Duration.ofSeconds(15);

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Autowired
    TestClock clock;

    private Page page;

    @BeforeEach
    void usePage() {
        page = browser.page();
        page.setDefaultTimeout(UI_TIMEOUT_MS);
    }

    @AfterEach
    void backToTheDefaults() {
        Api.send("/api/alert-preferences", Connections.token(PARTNER), request -> request.DELETE());
    }

    @Test
    void anEmailedAckLinkStopsTheEscalationWhileAnUnacknowledgedAlertReachesLevelTwo() {
        // 1. nitin sets a short warning escalation delay in the preferences form.
        page.navigate(EngineTest.BASE_URL + "/alerts");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, PARTNER);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alert preferences")))
                .isVisible();
        // The delay is a number and a unit; the UI sends PT15S.
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Warning escalation delay"))
                .fill(String.valueOf(ESCALATION_DELAY.toSeconds()));
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Warning escalation delay unit"))
                .click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("seconds").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences"))
                .click();
        assertThat(page.getByText("Preferences saved.")).isVisible();

        // 2. Ops raise two warnings for nitin: one will be acknowledged from its email, one not.
        JsonNode acknowledged = raiseTestWarning();
        JsonNode ignored = raiseTestWarning();

        // 3. The email arrives; its link acknowledges without login, once.
        String resource = acknowledged.get("resource").asText();
        MailServer.Mail mail =
                MailServer.shared().awaitMail(MAIL, m -> m.body().contains(resource), Duration.ofSeconds(60));
        String token = AlertChannelsTest.ackToken(mail.body());
        Page linkPage = page.context().browser().newPage();
        linkPage.setDefaultTimeout(UI_TIMEOUT_MS);
        linkPage.navigate(EngineTest.BASE_URL + "/ack/" + token);
        assertThat(linkPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Acknowledge an alert")))
                .isVisible();
        linkPage.getByLabel("Reason (optional)").fill("Rotating the token now");
        linkPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge alert"))
                .click();
        assertThat(linkPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alert acknowledged")))
                .isVisible();
        linkPage.close();

        // 4. The Alerts page: the first acknowledged at level 1, the second escalated to level 2.
        String ignoredId = ignored.get("id").asText();
        clock.awaitTimerOf(ignoredId);
        clock.advance(ESCALATION_DELAY);
        clock.fireDueTimers(ignoredId, acknowledged.get("id").asText()); // the acknowledged one has none left
        AlertChannelsTest.await(ignoredId, a -> a.get("level").asInt() == 2, "level 2 after the short delay");
        page.reload();
        Locator acknowledgedCard = card(acknowledged.get("id").asText());
        assertThat(acknowledgedCard.locator(".chip.state")).hasText("Acknowledged", slow());
        assertThat(acknowledgedCard.locator(".chip.level")).hasText("Level 1");
        Locator ignoredCard = card(ignoredId);
        assertThat(ignoredCard.locator(".chip.state")).hasText("Open");
        assertThat(ignoredCard.locator(".chip.level")).hasText("Level 2", slow());

        JsonNode stopped = AlertChannelsTest.await(acknowledged.get("id").asText(), a -> true, "read");
        assertThat(stopped.get("acknowledgedBy").asText()).isEqualTo("link:email");
        assertThat(stopped.get("deliveries").findValuesAsText("level")).doesNotContain("2");
        Connections.post("/api/alerts/" + ignoredId + "/resolve", Connections.token(PARTNER), null);
    }

    private Locator card(String alertId) {
        return page.locator("[data-alert='" + alertId + "']");
    }

    private static LocatorAssertions.HasTextOptions slow() {
        return new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static JsonNode raiseTestWarning() {
        Api.Response raised = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", PARTNER, "severity", "WARNING"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json();
    }
}
