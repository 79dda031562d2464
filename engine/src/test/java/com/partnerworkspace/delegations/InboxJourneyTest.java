package com.partnerworkspace.delegations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inbox v2 as an approver lives it, in the real UI with the real Keycloak: priya saves a filter "critical,
 * due today" and sees its count, bulk-approves three critical delegations with one comment while vikram
 * takes one of them meanwhile (that one is refused, saying who took it), opens a task and sees where its
 * process stands, and comments on it: nikhil (the partner it is about) reads the comment, arjun (the
 * delegate) does not. The inbox fits a tablet (820x1180) without sideways scrolling.
 */
@Slow
@EngineTest
class InboxJourneyTest {

    private static final double UI_TIMEOUT_MS = 30_000;
    /** Durations in the summaries tell this run's three requests apart ("... for 7 hours"). */
    private static final List<String> DURATIONS = List.of("PT7H", "PT9H", "PT11H");

    private static final String FILTER = "critical, due today";

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Autowired
    TestClock clock;

    private Page page;

    @BeforeEach
    void noOpenRequestsForArjunNorPriyasFilter() {
        page = browser.page();
        page.setDefaultTimeout(UI_TIMEOUT_MS);
        leaveNothingOpen();
    }

    @AfterEach
    void leaveNothingOpen() {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        for (JsonNode filter :
                Api.get("/api/task-filters", Delegations.token("priya")).json()) {
            if (filter.get("name").asText().equals(FILTER)) {
                Api.send(
                        "/api/task-filters/" + filter.get("id").asText(),
                        Delegations.token("priya"),
                        request -> request.DELETE());
            }
        }
    }

    @Test
    void priyaSavesAFilterBulkApprovesWithOneCommentAndCommentsOnATask() {
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> requests = criticalRequestsConfirmedWithMfa(run);
        List<String> approvalTasks = requests.stream()
                .map(id -> Delegations.taskFor(id, "priya").get("id").asText())
                .toList();
        // They are due in 24 hours: just after midnight they are due today (the engine's clock, not a wait).
        clock.advanceTo(Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(1, ChronoUnit.DAYS)
                .plusSeconds(60));

        page.navigate(EngineTest.BASE_URL + "/inbox");
        button("Log in").click();
        KeycloakLoginPage.logIn(page, "priya");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox")))
                .isVisible();

        // 1. A saved filter with its count.
        page.getByLabel("Due", new Page.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Due today"))
                .click();
        page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).fill("80");
        button("Save as filter").click();
        page.getByLabel("Filter name").fill(FILTER);
        button("Save filter").click();
        Locator saved = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Saved filters"))
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(Pattern.compile("^critical, due today, \\d+ open$")));
        assertThat(saved).isVisible();
        assertThat(saved).hasAttribute("aria-pressed", "true");

        // 2. Three selected; vikram takes one meanwhile; one comment approves the others.
        for (String duration : DURATIONS) {
            page.getByLabel("Select Approve delegation nikhil asks orders:place for arjun for " + hours(duration))
                    .check();
        }
        assertThat(page.getByText("3 selected")).isVisible();
        Api.Response taken = Delegations.post("/api/tasks/" + approvalTasks.get(1) + "/claim", "vikram", null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        page.getByLabel("Comment for all").fill("Checked the desk limits (" + run + ")");
        button("Approve selected").click();

        Locator results =
                page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Results of the last bulk action"));
        assertThat(results.getByRole(AriaRole.LISTITEM)).hasCount(3);
        assertThat(results).containsText("refused — vikram took this task");
        assertThat(page.getByText("2 of 3 done")).isVisible();
        for (String approved : List.of(requests.get(0), requests.get(2))) {
            JsonNode delegation = Delegations.get(approved, "omar");
            assertThat(delegation.get("approvals").findValuesAsText("comment"))
                    .containsExactly("Checked the desk limits (" + run + ")");
        }
        assertThat(Delegations.get(requests.get(1), "omar").get("approvals")).isEmpty();

        // 3. The second approval of the first request: where its process stands, and a comment.
        String secondApproval =
                Delegations.taskFor(requests.get(0), "vikram").get("id").asText();
        page.getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText("for " + hours(DURATIONS.get(0))))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open"))
                .click();
        Locator detail = page.locator("app-task-detail");
        assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Where it stands")))
                .isVisible();
        assertThat(detail.locator(".djs-element.current").first()).isVisible();
        String comment = "Second approver: mind the intraday limit (" + run + ")";
        detail.getByLabel("Add a comment").fill(comment);
        detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment"))
                .click();
        assertThat(detail.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Comments")))
                .containsText(comment);

        Api.Response nikhilReads = Api.get("/api/tasks/" + secondApproval + "/comments", Delegations.token("nikhil"));
        assertThat(nikhilReads.status()).as(nikhilReads.body()).isEqualTo(200);
        assertThat(nikhilReads.body()).contains(comment);
        assertThat(Api.get("/api/tasks/" + secondApproval + "/comments", Delegations.token("arjun"))
                        .status())
                .as("the delegate is neither a decider nor the partner")
                .isIn(403, 404);

        // 4. A tablet.
        page.setViewportSize(820, 1180);
        page.waitForTimeout(300); // the layout reflows after a resize
        Object overflow =
                page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("sideways scrolling at 820x1180")
                .isLessThanOrEqualTo(0);

        System.out.printf(
                "%nJOURNEY inbox v2: filter saved, 3 bulk-approved (1 taken by vikram), diagram, comment in %d ms%n%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Three requests of nikhil's for arjun to place orders (critical), each confirmed with one OTP step-up. */
    private static List<String> criticalRequestsConfirmedWithMfa(String run) {
        List<String> ids = DURATIONS.stream()
                .map(duration -> Delegations.requestOk(
                                "nikhil",
                                Map.of(
                                        "delegate",
                                        "arjun",
                                        "scopes",
                                        List.of("orders:place"),
                                        "duration",
                                        duration,
                                        "justification",
                                        "Arjun places the orders while I travel (" + run + ")"))
                        .get("id")
                        .asText())
                .toList();
        String mfa = RealServers.keycloak().mfaAccessToken("nikhil");
        for (String id : ids) {
            Api.Response confirmed = Delegations.postAs("/api/delegations/" + id + "/confirm-mfa", mfa, null);
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        }
        return ids;
    }

    private static String hours(String duration) {
        return java.time.Duration.parse(duration).toHours() + " hours";
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
