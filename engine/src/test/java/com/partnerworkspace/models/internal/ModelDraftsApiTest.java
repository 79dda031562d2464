package com.partnerworkspace.models.internal;

import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.Launcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changing a model from the browser against the real engine: nothing invalid is saved or deployed, a
 * second ops person must approve, approval deploys the next version (marked as the browser's, with who
 * made and who approved it), and a release started afterwards keeps that browser version.
 */
@EngineTest
class ModelDraftsApiTest {

    private static final String ROUTING = "alert-routing";

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReleaseDeployment release;

    @Autowired
    ReleaseDivergences divergences;

    private final List<String> browserDeployments = new ArrayList<>();

    @AfterEach
    void removeBrowserVersions() {
        jdbc.queryForList("select deployment_id from model_deployment", String.class)
                .forEach(browserDeployments::add);
        browserDeployments.forEach(id -> repository.deleteDeployment(id, true));
        jdbc.update("delete from model_deployment");
        runtime.createProcessInstanceQuery()
                .processDefinitionKey("model-deployment")
                .list()
                .forEach(review -> runtime.deleteProcessInstance(review.getId(), "test cleanup"));
        jdbc.update("delete from model_draft");
        divergences.inSync(ROUTING);
    }

    @Test
    void aProcessNamingABeanTheEngineLacksIsRefusedOnThatElementAndNothingIsSaved() {
        String model = latest("model-deployment").replace("${rejectModelChange}", "${noSuchBean}");
        int versions = versionsOf("model-deployment");

        Api.Response refused =
                post("/api/models/model-deployment/drafts", token("omar"), Map.of("type", "bpmn", "content", model));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors")).anySatisfy(error -> {
            assertThat(error.get("element").asText()).isEqualTo("Task_RecordRejection");
            assertThat(error.get("rule").asText()).isEqualTo("known-bean");
            assertThat(error.get("message").asText()).contains("noSuchBean");
        });
        assertThat(jdbc.queryForObject("select count(*) from model_draft", Integer.class))
                .isZero();
        assertThat(versionsOf("model-deployment")).isEqualTo(versions);
    }

    @Test
    void theEnginesOwnParserRefusesWhatItCannotRunAndTheCheckSavesNothing() {
        String model = latest("model-deployment").replace("${approved}", "${approved");

        Api.Response check =
                post("/api/models/model-deployment/validate", token("omar"), Map.of("type", "bpmn", "content", model));

        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("errors"))
                .anySatisfy(error -> assertThat(error.get("rule").asText()).isEqualTo("engine-parse"));
        assertThat(jdbc.queryForObject("select count(*) from model_draft", Integer.class))
                .isZero();
    }

    @Test
    void aDecisionChangeThatFailsOneOfItsTestCasesIsRefusedNamingTheCase() {
        String model = latest(ROUTING).replace("<text>\"email,slack\"</text>", "<text>\"email\"</text>");
        int versions = versionsOf(ROUTING);

        Api.Response refused =
                post("/api/models/alert-routing/drafts", token("omar"), Map.of("type", "dmn", "content", model));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("rule").asText()).isEqualTo("decision-test");
        assertThat(error.get("message").asText()).contains("A warning goes by email and Slack");
        assertThat(versionsOf(ROUTING)).isEqualTo(versions);

        String changedTests = testsOf(ROUTING)
                .replace("\"expected\": {\"channels\": \"email,slack\"}", "\"expected\": {\"channels\": \"email\"}");
        Api.Response withItsTests = post(
                "/api/models/alert-routing/validate",
                token("omar"),
                Map.of("type", "dmn", "content", model, "tests", changedTests));
        assertThat(withItsTests.json().get("errors")).as(withItsTests.body()).isEmpty();
    }

    @Test
    void theAuthorCannotApproveTheirOwnChangeAndNothingIsDeployedUntilASecondOpsPersonDoes() throws Exception {
        int before = newestVersion(ROUTING);
        String draft = saveDraft(ROUTING, "dmn", describedDifferently(latest(ROUTING)));
        Api.Response proposed = post("/api/models/drafts/" + draft + "/propose", token("omar"), Map.of());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        String task = reviewTaskOf(draft);
        JsonNode asAuthor = Api.get("/api/tasks/" + task, token("omar")).json();
        assertThat(asAuthor.get("mayDecide").asBoolean())
                .as(asAuthor.toString())
                .isFalse();
        assertThat(asAuthor.get("mayNotDecideBecause").asText()).contains("cannot review a model change you made");
        JsonNode asReviewer = Api.get("/api/tasks/" + task, token("olga")).json();
        assertThat(asReviewer.get("mayDecide").asBoolean())
                .as(asReviewer.toString())
                .isTrue();
        assertThat(asReviewer.get("mayNotDecideBecause").isNull()).isTrue();

        Api.Response own = post(
                "/api/tasks/" + task + "/complete", token("omar"), Map.of("approved", true, "comment", "fine by me"));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("type").asText()).endsWith("/four-eyes");
        assertThat(newestVersion(ROUTING)).isEqualTo(before);

        JsonNode diff = Api.get("/api/models/drafts/" + draft + "/diff?against=deployed", token("olga"))
                .json();
        assertThat(diff.get("changed")).singleElement().satisfies(rule -> {
            assertThat(rule.get("id").asText()).isEqualTo("Rule_Info");
            assertThat(rule.get("kind").asText()).isEqualTo("rule");
            assertThat(rule.get("properties").get(0).get("name").asText()).isEqualTo("description");
        });

        Api.Response approved = post(
                "/api/tasks/" + task + "/complete", token("olga"), Map.of("approved", true, "comment", "reads well"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        JsonNode deployed = awaitStatus(draft, "deployed");

        assertThat(deployed.get("deployedVersion").asInt()).isEqualTo(before + 1);
        JsonNode newest = Api.get("/api/models/alert-routing/versions", token("omar"))
                .json()
                .get(0);
        assertThat(newest.get("source").asText()).isEqualTo("browser");
        assertThat(newest.get("deployedBy").asText()).isEqualTo("omar");
        assertThat(newest.get("approvedBy").asText()).isEqualTo("olga");
        JsonNode audit =
                Api.get("/api/audit?action=model.deployed", token("omar")).json();
        assertThat(audit.toString()).contains("1 changed against version " + before);
    }

    @Test
    void aRejectedChangeIsNotDeployedAndMustSayWhy() throws Exception {
        int before = versionsOf(ROUTING);
        String draft = saveDraft(ROUTING, "dmn", describedDifferently(latest(ROUTING)));
        post("/api/models/drafts/" + draft + "/propose", token("omar"), Map.of());
        String task = reviewTaskOf(draft);

        Api.Response unexplained = post("/api/tasks/" + task + "/complete", token("olga"), Map.of("approved", false));
        assertThat(unexplained.status()).as(unexplained.body()).isEqualTo(400);
        post("/api/tasks/" + task + "/complete", token("olga"), Map.of("approved", false, "comment", "not now"));

        JsonNode rejected = awaitStatus(draft, "rejected");
        assertThat(rejected.get("reviewComment").asText()).isEqualTo("not now");
        assertThat(versionsOf(ROUTING)).isEqualTo(before);
    }

    /** Issue 25 point 6: a release whose file differs from the newest, browser-made version keeps the latter. */
    @Test
    void aReleaseStartedAfterABrowserChangeKeepsTheBrowserVersionAndReportsTheDivergence() throws Exception {
        String draft = saveDraft(ROUTING, "dmn", describedDifferently(latest(ROUTING)));
        post("/api/models/drafts/" + draft + "/propose", token("omar"), Map.of());
        post(
                "/api/tasks/" + reviewTaskOf(draft) + "/complete",
                token("olga"),
                Map.of("approved", true, "comment", "ok"));
        awaitStatus(draft, "deployed");
        Resource routing = new ClassPathResource("processes/alert-routing.dmn");
        Resource policy = new ClassPathResource("processes/delegation-policy.dmn");

        Set<Resource> deployed = release.keepBrowserVersions(engine, Set.of(routing, policy));

        assertThat(deployed).containsExactly(policy);
        JsonNode routingModel = byKey(Api.get("/api/models", token("omar")).json(), ROUTING);
        assertThat(routingModel.get("diverged").asBoolean()).isTrue();
        assertThat(byKey(Api.get("/api/models", token("omar")).json(), "delegation-policy")
                        .get("diverged")
                        .asBoolean())
                .isFalse();

        java.nio.file.Path pulled = java.nio.file.Files.createTempDirectory("models-pull");
        Launcher.run(
                Map.of(
                        "ENGINE_PORT", String.valueOf(EngineTest.PORT),
                        "WORKSPACE_OPS_TOKEN", token("omar"),
                        "WORKSPACE_MODELS_DIR", pulled.toString()),
                "models",
                "pull");
        java.nio.file.Path pulledRouting = pulled.resolve("alert-routing.dmn");
        assertThat(pulledRouting).hasContent(latest(ROUTING));
        Resource released = new org.springframework.core.io.FileSystemResource(pulledRouting);
        assertThat(release.keepBrowserVersions(engine, Set.of(released)))
                .as("a release carrying the pulled version is in sync with the browser's")
                .containsExactly(released);
        assertThat(byKey(Api.get("/api/models", token("omar")).json(), ROUTING)
                        .get("diverged")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void onlyOpsChangeModels() {
        String model = latest(ROUTING);
        Api.Response partner =
                post("/api/models/alert-routing/drafts", token("nikhil"), Map.of("type", "dmn", "content", model));
        assertThat(partner.status()).isEqualTo(403);
        assertThat(Api.get("/api/models/references", token("priya")).status()).isEqualTo(403);
        JsonNode references = Api.get("/api/models/references", token("omar")).json();
        assertThat(references.get("beans").toString()).contains("deployModelChange");
        assertThat(references.get("decisions").toString()).contains(ROUTING);
        assertThat(references.get("forms").toString()).contains("approve-delegation");
    }

    /** The same decision, its last rule described in other words: a change that routes nothing differently. */
    private static String describedDifferently(String routing) {
        return routing.replace("Anything else: email", "Anything else goes by email");
    }

    private String saveDraft(String key, String type, String content) {
        Api.Response saved =
                post("/api/models/" + key + "/drafts", token("omar"), Map.of("type", type, "content", content));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().get("id").asText();
    }

    private String reviewTaskOf(String draft) {
        JsonNode view = Api.get("/api/models/drafts/" + draft, token("omar")).json();
        assertThat(view.get("status").asText()).isEqualTo("proposed");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(draft).singleResult();
        assertThat(view.get("taskId").asText()).isEqualTo(task.getId());
        return task.getId();
    }

    private static JsonNode awaitStatus(String draft, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode view = Api.get("/api/models/drafts/" + draft, token("omar")).json();
        while (!view.get("status").asText().equals(status)) {
            assertThat(Instant.now())
                    .as("draft %s never became %s: %s", draft, status, view)
                    .isBefore(deadline);
            Thread.sleep(100);
            view = Api.get("/api/models/drafts/" + draft, token("omar")).json();
        }
        return view;
    }

    private static String latest(String key) {
        JsonNode newest = Api.get("/api/models/" + key + "/versions", token("omar"))
                .json()
                .get(0);
        return Api.get(
                        "/api/models/" + key + "/versions/"
                                + newest.get("version").asInt(),
                        token("omar"))
                .body();
    }

    private static String testsOf(String key) {
        return Api.get("/api/models/" + key + "/tests", token("omar"))
                .json()
                .get("tests")
                .asText();
    }

    private static int newestVersion(String key) {
        return Api.get("/api/models/" + key + "/versions", token("omar"))
                .json()
                .get(0)
                .get("version")
                .asInt();
    }

    private static int versionsOf(String key) {
        return Api.get("/api/models/" + key + "/versions", token("omar")).json().size();
    }

    private static JsonNode byKey(JsonNode models, String key) {
        for (JsonNode model : models) {
            if (model.get("key").asText().equals(key)) {
                return model;
            }
        }
        throw new AssertionError("no model " + key + " in " + models);
    }
}
