package com.partnerworkspace.models;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.partnerworkspace.alerts.TestPreferences;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.Browsers;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.Receiver;
import com.partnerworkspace.testsupport.Slow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 25 as ops live it, in the real UI with the real Keycloak and engine: omar changes a row of
 * alert-routing in the browser's decision table (its test case updated beside it), saves the draft and
 * proposes it; olga reviews what changes in her inbox and approves; the next warning is routed by the new
 * row; omar then migrates the running delegation-approval instances to a new version and sees the result.
 */
@Slow
@EngineTest
class ModelsJourneyTest {

    private static final double UI_TIMEOUT_MS = 30_000;

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeWhatItDeployed() {
        deployments.addAll(jdbc.queryForList("select deployment_id from model_deployment", String.class));
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        jdbc.update("delete from model_deployment");
        runtime.createProcessInstanceQuery()
                .processDefinitionKey("model-deployment")
                .list()
                .forEach(review -> runtime.deleteProcessInstance(review.getId(), "test cleanup"));
        jdbc.update("delete from model_draft");
    }

    @Test
    void omarChangesARoutingRowOlgaApprovesItAndOmarMigratesRunningInstances() throws Exception {
        long started = System.nanoTime();
        Page page = browser.page();
        page.setDefaultTimeout(UI_TIMEOUT_MS);

        // 1. omar edits a row of the decision table and its test case, saves and proposes.
        page.navigate(EngineTest.BASE_URL + "/models");
        button(page, "Log in").click();
        KeycloakLoginPage.logIn(page, "omar");
        page.getByLabel("Edit alert-routing").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Editor ready");
        // Rule 4 is "A warning: email and Slack".
        Locator warningChannels =
                page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Rule 4, Channels"));
        warningChannels.click();
        page.keyboard().press("Control+A"); // within the cell: dmn-js keeps the selection in its editable
        page.keyboard().type("\"email,slack,sms\"");
        Locator tests = page.getByLabel("Test cases");
        tests.fill(tests.inputValue()
                .replace(
                        "\"expected\": {\"channels\": \"email,slack\"}",
                        "\"expected\": {\"channels\": \"email,slack,sms\"}"));
        button(page, "Save draft").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Draft saved");
        button(page, "Propose").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Review model change");

        // 2. olga reviews what changes in her inbox and approves.
        try (BrowserContext olgas = Browsers.chromium().newContext()) {
            Page inbox = olgas.newPage();
            inbox.setDefaultTimeout(UI_TIMEOUT_MS);
            inbox.navigate(EngineTest.BASE_URL + "/inbox");
            button(inbox, "Log in").click();
            KeycloakLoginPage.logIn(inbox, "olga");
            inbox.getByLabel("Process", new Page.GetByLabelOptions().setExact(true))
                    .fill("model-deployment");
            inbox.getByLabel("Process", new Page.GetByLabelOptions().setExact(true))
                    .press("Enter");
            inbox.getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText("omar changes dmn model alert-routing"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open"))
                    .click();
            Locator detail = inbox.locator("app-task-detail");
            Locator changed = detail.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Changed"));
            assertThat(changed).containsText("Rule_Warning");
            assertThat(changed).containsText("Channels: \"email,slack\" → \"email,slack,sms\"");
            detail.getByLabel("Comment", new Locator.GetByLabelOptions().setExact(true))
                    .fill("SMS for warnings, as agreed with the desks");
            detail.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName("Approve").setExact(true))
                    .click();
            assertThat(detail).isHidden();
        }

        // 3. The next warning is routed by the new row.
        JsonNode newest = await(
                () -> Api.get("/api/models/alert-routing/versions", token("omar"))
                        .json()
                        .get(0),
                version -> version.get("source").asText().equals("browser"),
                "the browser version deployed");
        assertThat(newest.get("deployedBy").asText()).isEqualTo("omar");
        assertThat(newest.get("approvedBy").asText()).isEqualTo("olga");
        String partner = "p-routing-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response preferences = TestPreferences.put(
                EngineTest.BASE_URL,
                token("omar"),
                partner,
                TestPreferences.body(
                        partner + "@partner-workspace.test",
                        Receiver.slackUrl(partner),
                        List.of("+919800" + String.format("%06d", (long) (Math.random() * 1_000_000))),
                        "PT2H"));
        assertThat(preferences.status()).as(preferences.body()).isEqualTo(200);
        Api.Response raised =
                post("/api/alerts/test", token("omar"), Map.of("partner", partner, "severity", "WARNING"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String alert = raised.json().get("id").asText();
        JsonNode routed = await(
                () -> Api.get("/api/alerts/" + alert, token("omar")).json(),
                a -> a.get("deliveries").size() == 3,
                "a warning routed to email, Slack and SMS");
        assertThat(routed.get("deliveries").findValuesAsText("channel")).contains("email", "slack", "sms");
        assertThat(routed.get("deliveries").findValuesAsText("outcome")).containsOnly("SENT");

        // 4. omar migrates the running delegation-approval instances to a new version.
        String request = routineRequestOfNikhil();
        int from = processVersionOf(request);
        int to = deployNewDelegationApprovalVersion();
        page.navigate(EngineTest.BASE_URL + "/models");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versions of delegation-approval"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.LIST, new Page.GetByRoleOptions().setName("Versions of delegation-approval")))
                .containsText("Version " + to);
        System.out.println("MIGRATION PANEL DEBUG: "
                + page.locator("tr.versions").innerHTML().replaceAll("<li[^>]*>.*?</li>", ""));
        Locator migration = page.getByRole(
                AriaRole.REGION,
                new Page.GetByRoleOptions().setName("Migrate running instances of delegation-approval"));
        // the versions are listed newest first, and the new version is the newest
        migration.getByLabel("Migrate from version").selectOption(new SelectOption().setIndex(to - from));
        migration.getByLabel("Migrate to version").selectOption(new SelectOption().setIndex(0));
        migration
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check migration"))
                .click();
        Locator report =
                migration.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Migration report"));
        assertThat(report).containsText("ready to propose");
        migration
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose migration"))
                .click();
        assertThat(report).containsText("Review migration");
        approveMigrationAsOlga();
        assertThat(report)
                .containsText(
                        "Completed: every instance migrated.",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(60_000));
        assertThat(processVersionOf(request)).isEqualTo(to);
        post("/api/delegations/" + request + "/revoke", token("nikhil"), Map.of());

        // 5. The largest process here opens in the BPMN editor (the figure issue 25 asks for: under 1 s).
        page.navigate(EngineTest.BASE_URL + "/models/delegation-approval/edit");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Editor ready");
        String opened = page.getByRole(AriaRole.STATUS).textContent();
        assertThat(page.locator(".bjs-powered-by")).isVisible();

        System.out.printf(
                "%nJOURNEY models: routing row changed, reviewed, deployed, routed; instances migrated in %d ms;"
                        + " delegation-approval.bpmn: %s%n%n",
                (System.nanoTime() - started) / 1_000_000, opened);
    }

    /** A pending request of nikhil's for arjun: an instance of delegation-approval waiting for approval. */
    private static String routineRequestOfNikhil() {
        Api.Response requested = post(
                "/api/delegations",
                token("nikhil"),
                Map.of(
                        "delegate", "arjun",
                        "scopes", List.of("positions:read"),
                        "duration", "PT1H",
                        "justification", "Models journey: an instance to migrate"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().get("id").asText();
    }

    private static void approveMigrationAsOlga() {
        JsonNode task = await(
                () -> {
                    for (JsonNode t : Api.get("/api/tasks?process=instance-migration", token("olga"))
                            .json()
                            .get("content")) {
                        return t;
                    }
                    return null;
                },
                t -> t != null,
                "the migration's review task");
        Api.Response approved = post(
                "/api/tasks/" + task.get("id").asText() + "/complete",
                token("olga"),
                Map.of("approved", true, "comment", "plan read"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    }

    private int processVersionOf(String delegation) {
        String definition = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(delegation)
                .singleResult()
                .getProcessDefinitionId();
        return repository.getProcessDefinition(definition).getVersion();
    }

    /**
     * The same model as a new version, with the forms it binds, as a release would bring it. It stays: the
     * instances on it (this test's among them) keep running as on any version.
     */
    private int deployNewDelegationApprovalVersion() throws IOException {
        var deployment = repository.createDeployment().name("delegation-approval");
        for (String resource :
                List.of("delegation-approval.bpmn", "approve-delegation.form", "confirm-with-mfa.form")) {
            try (InputStream in = new ClassPathResource("processes/" + resource).getInputStream()) {
                deployment.addString(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String id = deployment.deploy().getId();
        return repository
                .createProcessDefinitionQuery()
                .deploymentId(id)
                .singleResult()
                .getVersion();
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never reached " + what + ": " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        return value;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
