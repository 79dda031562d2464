package com.partnerworkspace.delegations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.partnerworkspace.delegations.Delegations.groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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
import com.partnerworkspace.testsupport.TestClock;
import com.partnerworkspace.testsupport.Totp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delegation journey as people live it, in the real UI with the real Keycloak and SMTP server: the
 * partner {@code nikhil} asks for {@code orders:place} (critical) and {@code credentials:view-status} for
 * his teammate {@code arjun}, confirms with an OTP step-up; the approvers {@code priya} and {@code vikram}
 * get the email and approve in the Inbox; arjun's next token carries the groups and the guarded API
 * answers him; the short grant lapses and the API refuses the very same token; the Audit page shows every
 * step and the trail verifies.
 */
@Slow
@EngineTest
class DelegationJourneyTest {

    private static final String PARTNER = "nikhil";
    private static final String DELEGATE = "arjun";
    private static final String CRITICAL_SCOPE = "orders:place";
    private static final String STATUS_SCOPE = "credentials:view-status";
    private static final String ORDERS_GROUP = "/partners/nikhil/delegations/orders:place";
    private static final String STATUS_GROUP = "/partners/nikhil/delegations/credentials:view-status";
    private static final String CONNECTIONS = "/api/partners/nikhil/connections";
    /**
     * Live long enough for step 5 on real time; short, so moving the engine's clock past its end fires little
     * else (a move of hours would run every background cycle and timer due in them). It starts when applied.
     */
    private static final Duration GRANT = Duration.ofSeconds(40);

    /** For the UI steps that wait on the engine, Keycloak or a redirect (the machine is small). */
    private static final double UI_TIMEOUT_MS = 30_000;

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

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

    @Test
    void nikhilDelegatesOrdersToArjunWithMfaAndTwoApprovalsUntilTheGrantLapses() {
        // A marker of this run in the justification: finds this run's card and mails among earlier ones.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String justification = "Arjun places the afternoon orders while I travel (journey " + run + ")";

        // (Not the token's groups: a grant another test revoked a moment ago may still be leaving Keycloak.)
        String arjunAtStart = RealServers.keycloak().freshAccessToken(DELEGATE);
        assertThat(heldScope(Api.get("/api/me", arjunAtStart).json(), STATUS_SCOPE))
                .isNull();
        assertThat(Api.get(CONNECTIONS, arjunAtStart).status())
                .as("arjun may not see nikhil's connections before any grant")
                .isEqualTo(403);

        // 1. nikhil asks, then confirms with the OTP step-up.
        page.navigate(EngineTest.BASE_URL + "/delegations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, PARTNER);
        assertVisible(heading(page, "Delegations"));

        String id = requestDelegation(justification);
        Locator card = myRequests(page).filter(new Locator.FilterOptions().setHasText(run));
        assertThat(fact(card, "State")).hasText("Awaiting MFA", slowText());
        assertThat(fact(card, "Duration")).hasText("40 seconds");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm with MFA"))
                .click();
        long nikhilOtpStep = stepUpWithOtp(PARTNER);

        assertVisible(heading(page, "Delegations"));
        assertVisible(page.getByText("Delegation confirmed: Awaiting approval"));
        assertThat(fact(card, "State")).hasText("Awaiting approval", slowText());
        assertThat(card).containsText("Approvals: 0 of 2");

        // 2. Both approvers get the email; its link leads to the inbox.
        MailServer.Mail toPriya = awaitApprovalMail("priya", run);
        MailServer.Mail toVikram = awaitApprovalMail("vikram", run);
        assertThat(toVikram.subject()).isEqualTo(toPriya.subject());
        String inboxLink = inboxLink(toPriya);

        // 3. priya approves first; one approval is not enough for a critical scope.
        approveInInbox("priya", inboxLink, id, "Checked with nikhil, fine for this afternoon", null);
        assertThat(Api.get(CONNECTIONS, RealServers.keycloak().freshAccessToken(DELEGATE))
                        .status())
                .as("one approval of two grants nothing")
                .isEqualTo(403);

        // nikhil's API token is a direct grant with an OTP: never in the 30 s window of his step-up code.
        awaitTotpStepAfter(nikhilOtpStep);
        JsonNode halfway = mine(id);
        assertThat(halfway.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(halfway.get("approvals").findValuesAsText("approver")).containsExactly("priya");

        approveInInbox("vikram", inboxLink(toVikram), id, "Second pair of eyes: approved", "priya approved");

        // 4. The grant is applied by a job of the process.
        JsonNode active = awaitMine(id, "ACTIVE");
        Instant grantedAt = Instant.parse(active.get("grantedAt").asText());
        Instant expiresAt = Instant.parse(active.get("expiresAt").asText());
        assertThat(expiresAt).isEqualTo(grantedAt.plus(GRANT));
        assertThat(active.get("approvals").findValuesAsText("approver")).containsExactly("priya", "vikram");

        // 5. arjun's next token carries the groups, and the guarded API answers him.
        String arjun = RealServers.keycloak().freshAccessToken(DELEGATE);
        assertThat(groups(arjun)).contains(ORDERS_GROUP, STATUS_GROUP);
        JsonNode me = Api.get("/api/me", arjun).json();
        assertThat(heldScope(me, CRITICAL_SCOPE)).as("/api/me of arjun: %s", me).isNotNull();
        assertThat(Instant.parse(heldScope(me, CRITICAL_SCOPE).get("expiresAt").asText()))
                .isEqualTo(expiresAt);
        assertThat(heldScope(me, STATUS_SCOPE)).isNotNull();
        assertThat(Api.get(CONNECTIONS, arjun).status())
                .as("arjun holds credentials:view-status for nikhil (%s s of the grant left)", secondsUntil(expiresAt))
                .isEqualTo(200);

        // 6. The grant lapses (the engine's clock moves past its end): the same token no longer counts, then
        // the process's expiry timer ends it in Keycloak too.
        clock.advanceTo(expiresAt.plusSeconds(2));
        assertThat(Api.get(CONNECTIONS, arjun).status())
                .as("the token issued while the grant was live no longer counts once it lapsed")
                .isEqualTo(403);
        assertThat(heldScope(Api.get("/api/me", arjun).json(), CRITICAL_SCOPE)).isNull();

        clock.fireDueTimers(id);
        awaitMine(id, "EXPIRED");
        String arjunAfter = RealServers.keycloak().freshAccessToken(DELEGATE);
        assertThat(groups(arjunAfter)).doesNotContain(ORDERS_GROUP, STATUS_GROUP);
        assertThat(Api.get(CONNECTIONS, arjunAfter).status()).isEqualTo(403);
        MailServer.shared()
                .awaitMail(
                        DELEGATE + "@partner-workspace.local",
                        mail -> mail.subject().startsWith("Delegation expired:")
                                && mail.subject().contains(CRITICAL_SCOPE),
                        MAIL_TIMEOUT);

        // 7. nikhil sees the end in the UI, and every step in the audit trail, which verifies.
        page.reload(); // the page shows what it loaded; a reload fetches the lists again
        assertThat(fact(card, "State")).hasText("Expired", slowText());

        navigate("Audit");
        assertVisible(heading(page, "Audit trail"));
        Locator entries = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Audit entries"))
                .getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText("delegation/" + id));
        assertThat(entries).hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(UI_TIMEOUT_MS));
        assertThat(withAction(entries, "delegation.requested")).hasCount(1);
        assertThat(withAction(entries, "delegation.requested")).containsText("nikhil asked to delegate");
        // Each entry reads as a sentence; its JSON details are one click away.
        Locator confirmed = withAction(entries, "delegation.mfa-confirmed");
        confirmed
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show JSON"))
                .click();
        assertThat(confirmed).containsText("\"acr\":\"mfa\"");
        assertThat(withAction(entries, "delegation.approved")).hasCount(2);
        assertThat(withAction(entries, "delegation.grant-applied")).hasCount(1);
        assertThat(withAction(entries, "delegation.expired")).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify trail"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Trail verified:")))
                .hasText(Pattern.compile("Trail verified: \\d+ entries, no tampering"), slowText());
    }

    /** Fills and sends the request form; returns the new delegation's id from the engine's answer. */
    private String requestDelegation(String justification) {
        // Material marks required fields with an asterisk in the label: match the label's text, not exactly.
        page.getByLabel("Delegate").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("\\(arjun\\)")))
                .click();
        page.getByRole(
                        AriaRole.CHECKBOX,
                        new Page.GetByRoleOptions().setName(CRITICAL_SCOPE).setExact(true))
                .check();
        page.getByRole(
                        AriaRole.CHECKBOX,
                        new Page.GetByRoleOptions().setName(STATUS_SCOPE).setExact(true))
                .check();
        // The duration is a number and a unit; the UI sends PT40S.
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Duration"))
                .fill("40");
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Duration unit"))
                .click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("seconds").setExact(true))
                .click();
        page.getByLabel("Justification").fill(justification);

        Response created = page.waitForResponse(
                response -> response.url().endsWith("/api/delegations")
                        && "POST".equals(response.request().method()),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request delegation"))
                        .click());
        // The id from the Location header: the response body may be gone once the page re-renders.
        assertThat(created.status()).isEqualTo(201);
        String location = created.headerValue("location");
        assertThat(location).startsWith("/api/delegations/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Keycloak's step-up after "Confirm with MFA" ({@code acr_values=mfa}, {@code max_age=0}): the password
     * again, then the one-time code from the seeded secret. Keycloak refuses a code already used in its
     * window (e.g. by another test's direct grant for the same user): then the next window's code is used.
     *
     * @return the TOTP time step whose code Keycloak accepted
     */
    private long stepUpWithOtp(String username) {
        assertThat(page)
                .hasURL(
                        Pattern.compile(".*/realms/" + KeycloakServer.REALM + "/.*"),
                        new PageAssertions.HasURLOptions().setTimeout(UI_TIMEOUT_MS));
        Locator password = page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
        Locator otp = page.getByLabel("One-time code", new Page.GetByLabelOptions().setExact(true));
        assertVisible(password.or(otp));
        if (password.isVisible()) {
            Locator name = page.getByLabel("Username or email");
            if (name.count() > 0 && name.isEditable()) {
                name.fill(username);
            }
            password.fill(KeycloakServer.DEMO_PASSWORD);
            signIn().click();
        }

        String secret = RealServers.keycloak().totpSecret(username);
        long step = Totp.timeStep(Instant.now());
        for (int attempt = 1; ; attempt++) {
            assertVisible(otp);
            otp.fill(Totp.code(secret, step));
            signIn().click();
            try {
                page.waitForURL(
                        url -> url.startsWith(EngineTest.BASE_URL), new Page.WaitForURLOptions().setTimeout(15_000));
                return step;
            } catch (TimeoutError e) {
                boolean refused =
                        page.getByText("Invalid authenticator code.").first().isVisible();
                if (!refused || attempt == 3) {
                    throw e;
                }
                step = Math.max(step, Totp.timeStep(Instant.now())) + 1;
                awaitTotpStepAfter(step - 1);
            }
        }
    }

    /**
     * An approver opens the link from their email in a browser of their own, logs in, opens the task of
     * this delegation in the Inbox, comments and approves.
     */
    private static void approveInInbox(
            String approver, String inboxLink, String delegationId, String comment, String approvalsSoFar) {
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page inbox = context.newPage();
            inbox.setDefaultTimeout(UI_TIMEOUT_MS);
            try {
                inbox.navigate(inboxLink);
                inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                        .click();
                KeycloakLoginPage.logIn(inbox, approver);
                assertVisible(heading(inbox, "Inbox"));

                Locator detail = openTaskOf(inbox, delegationId);
                assertThat(detail).containsText("nikhil asks");
                assertThat(detail).containsText(CRITICAL_SCOPE);
                assertThat(detail).containsText("arjun");
                if (approvalsSoFar != null) {
                    assertThat(detail).containsText(approvalsSoFar);
                }
                detail.getByLabel("Comment", new Locator.GetByLabelOptions().setExact(true))
                        .fill(comment);
                detail.getByRole(
                                AriaRole.BUTTON,
                                new Locator.GetByRoleOptions()
                                        .setName("Approve")
                                        .setExact(true))
                        .click();

                assertVisible(inbox.getByRole(AriaRole.STATUS)
                        .filter(new Locator.FilterOptions().setHasText("Task completed")));
                assertThat(detail).isHidden();
            } finally {
                inbox.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target/screenshots", "DelegationJourneyTest-" + approver + ".png")));
            }
        }
    }

    /**
     * Opens the approval task of this delegation: rows of other requests may read alike, so each candidate
     * is opened until the detail names the delegation. Reloads while the task is not there yet.
     */
    private static Locator openTaskOf(Page inbox, String delegationId) {
        Locator candidates = inbox.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Tasks"))
                .getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(CRITICAL_SCOPE))
                .filter(new Locator.FilterOptions().setHasText("for arjun"));
        Locator detail = inbox.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approve delegation"));
        Instant deadline = Instant.now().plusSeconds(45);
        while (true) {
            try {
                candidates.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
                // Newest last (the inbox sorts by due date): try from the bottom.
                for (int i = candidates.count() - 1; i >= 0; i--) {
                    Locator row = candidates.nth(i);
                    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open"))
                            .click();
                    assertThat(row).hasClass(Pattern.compile("\\bselected\\b"));
                    assertVisible(detail);
                    if (detail.textContent().contains(delegationId)) {
                        return detail;
                    }
                }
            } catch (TimeoutError e) {
                // The list is still empty: reload below.
            }
            if (Instant.now().isAfter(deadline)) {
                fail("no approval task of delegation " + delegationId + " in the inbox");
            }
            inbox.reload();
        }
    }

    private static MailServer.Mail awaitApprovalMail(String approver, String run) {
        MailServer.Mail mail = MailServer.shared()
                .awaitMail(
                        approver + "@partner-workspace.local",
                        m -> m.subject().startsWith("Approve delegation")
                                && m.subject().contains(CRITICAL_SCOPE)
                                && unfolded(m.body()).contains(run),
                        MAIL_TIMEOUT);
        assertThat(mail.subject()).contains("nikhil", DELEGATE, STATUS_SCOPE);
        assertThat(unfolded(mail.body())).contains("Approvals needed: 2");
        return mail;
    }

    /** The inbox link of an approval email, e.g. {@code http://localhost:18080/inbox?process=...}. */
    private static String inboxLink(MailServer.Mail mail) {
        Matcher link = Pattern.compile("(https?://\\S+/inbox\\S*)").matcher(unfolded(mail.body()));
        assertThat(link.find()).as("an inbox link in: %s", mail.body()).isTrue();
        assertThat(link.group(1)).startsWith(EngineTest.BASE_URL);
        return link.group(1);
    }

    /** The body without quoted-printable soft line breaks. */
    private static String unfolded(String body) {
        return body.replace("=\r\n", "").replace("=\n", "");
    }

    /** The delegation as nikhil's "mine" list shows it. */
    private static JsonNode mine(String id) {
        Api.Response response =
                Api.get("/api/delegations?view=mine", RealServers.keycloak().accessToken(PARTNER));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode delegation : response.json()) {
            if (id.equals(delegation.path("id").asText())) {
                return delegation;
            }
        }
        throw new AssertionError("delegation " + id + " is not among nikhil's: " + response.body());
    }

    private static JsonNode awaitMine(String id, String state) {
        Instant deadline = Instant.now().plus(STATE_TIMEOUT);
        JsonNode delegation = mine(id);
        while (!state.equals(delegation.get("state").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("delegation " + id + " never became " + state + ": " + delegation);
            }
            Delegations.sleep(Duration.ofMillis(250));
            delegation = mine(id);
        }
        return delegation;
    }

    /** The entry of {@code /api/me}'s delegations for nikhil's scope, or null. */
    private static JsonNode heldScope(JsonNode me, String scope) {
        for (JsonNode held : me.path("delegations")) {
            if (PARTNER.equals(held.path("partner").asText())
                    && scope.equals(held.path("scope").asText())) {
                return held;
            }
        }
        return null;
    }

    /** Waits until the current TOTP time step is past {@code step} (at most 30 s). */
    private static void awaitTotpStepAfter(long step) {
        while (Totp.timeStep(Instant.now()) <= step) {
            Delegations.sleep(Duration.ofMillis(250));
        }
    }

    private static long secondsUntil(Instant instant) {
        return Duration.between(Instant.now(), instant).toSeconds();
    }

    private void navigate(String linkName) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(linkName).setExact(true))
                .click();
    }

    private Locator signIn() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"));
    }

    /** The cards of "My requests" (a card's own lists never hold the run marker it is filtered by). */
    private static Locator myRequests(Page page) {
        return page.getByRole(
                        AriaRole.LIST,
                        new Page.GetByRoleOptions().setName("My requests").setExact(true))
                .getByRole(AriaRole.LISTITEM);
    }

    /** The value beside a label in a card's description list. */
    private static Locator fact(Locator card, String label) {
        return card.locator("dt", new Locator.LocatorOptions().setHasText(label))
                .locator("xpath=following-sibling::dd[1]")
                .first();
    }

    private static Locator withAction(Locator entries, String action) {
        return entries.filter(new Locator.FilterOptions()
                .setHas(entries.page()
                        .getByRole(
                                AriaRole.CELL,
                                new Page.GetByRoleOptions().setName(action).setExact(true))));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void assertVisible(Locator locator) {
        assertThat(locator).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(UI_TIMEOUT_MS));
    }

    private static LocatorAssertions.HasTextOptions slowText() {
        return new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS);
    }

    private static JsonNode json(String text) {
        try {
            return Delegations.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
