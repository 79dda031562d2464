package com.partnerworkspace.models.internal;

import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migrating running instances against the real engine, on a process of this test's own in two versions
 * (version 2 drops the second step): what the plan does not reach is reported before anything runs, a
 * second ops person must approve, and the engine's batch moves the instances, naming each one it could not.
 */
@EngineTest
class MigrationsApiTest {

    private static final String KEY = "migration-check";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TaskWork taskWork;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void twoVersions() {
        deploy(Bpmn.createExecutableProcess(KEY)
                .name("Migration check")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_First")
                .name("First")
                .userTask("Task_Second")
                .name("Second")
                .endEvent("Event_Done")
                .done());
        deploy(Bpmn.createExecutableProcess(KEY)
                .name("Migration check")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_First")
                .name("First")
                .endEvent("Event_Done")
                .done());
    }

    @AfterEach
    void removeThem() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aStepTheNewVersionLacksIsReportedBeforeAnythingRunsAndSuchAReportCannotBeProposed() {
        List<String> instances = startOnVersion1(3);
        moveToSecondStep(instances.get(0));

        JsonNode report = check(Map.of("from", 1, "to", 2));

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("instances").asInt()).isEqualTo(3);
        assertThat(report.get("instructions").toString()).contains("Task_First");
        assertThat(report.get("errors")).anySatisfy(error -> {
            assertThat(error.get("activity").asText()).isEqualTo("Task_Second");
            assertThat(error.get("message").asText()).contains("1 running instance(s) wait at Task_Second");
        });
        Api.Response proposed =
                post("/api/models/migrations/" + report.get("id").asText() + "/execute", token("omar"), Map.of());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(422);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionId(definition(1))
                        .count())
                .isEqualTo(3);
    }

    @Test
    void aMappedMigrationApprovedByASecondOpsPersonMovesEveryInstance() throws Exception {
        List<String> instances = startOnVersion1(3);
        moveToSecondStep(instances.get(0));
        JsonNode report = check(Map.of(
                "from", 1, "to", 2, "mapping", List.of(Map.of("source", "Task_Second", "target", "Task_First"))));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        String id = report.get("id").asText();

        JsonNode proposed = post("/api/models/migrations/" + id + "/execute", token("omar"), Map.of())
                .json();
        String task = proposed.get("taskId").asText();
        Api.Response own = post("/api/tasks/" + task + "/complete", token("omar"), Map.of("approved", true));
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().get("type").asText()).endsWith("/four-eyes");
        Api.Response approved = post(
                "/api/tasks/" + task + "/complete", token("olga"), Map.of("approved", true, "comment", "plan read"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        JsonNode done = awaitCompleted(id);
        assertThat(done.get("progress").get("total").asInt()).isEqualTo(3);
        assertThat(done.get("progress").get("failed").asInt()).isZero();
        assertThat(done.get("failures")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionId(definition(2))
                        .count())
                .isEqualTo(3);
    }

    @Test
    void anInstanceThatMovedWherePlanDoesNotReachAfterTheReportIsNamedAsAFailure() throws Exception {
        List<String> instances = startOnVersion1(2);
        JsonNode report = check(Map.of("from", 1, "to", 2));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        String id = report.get("id").asText();
        String task = post("/api/models/migrations/" + id + "/execute", token("omar"), Map.of())
                .json()
                .get("taskId")
                .asText();
        moveToSecondStep(instances.get(1));

        post("/api/tasks/" + task + "/complete", token("olga"), Map.of("approved", true, "comment", "go"));

        JsonNode done = awaitCompleted(id);
        assertThat(done.get("progress").get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("progress").get("migrated").asInt()).isEqualTo(1);
        assertThat(done.get("failures")).singleElement().satisfies(failure -> {
            assertThat(failure.get("instanceId").asText()).isEqualTo(instances.get(1));
            assertThat(failure.get("message").asText()).isNotBlank();
        });
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instances.get(0))
                        .singleResult()
                        .getProcessDefinitionId())
                .isEqualTo(definition(2));
    }

    @Test
    void opsNoteOnAnIncidentWhatTheyDoAboutIt() {
        String instance = startOnVersion1(1).get(0);
        String incident = runtime.createIncident("migration-check", instance, "Looking into it")
                .getId();

        Api.Response noted = post(
                "/api/incidents/" + incident + "/annotate", token("omar"), Map.of("annotation", "olga restarts it"));

        assertThat(noted.status()).as(noted.body()).isEqualTo(200);
        assertThat(noted.json().get("annotation").asText()).isEqualTo("olga restarts it");
        assertThat(Api.get("/api/incidents?process=" + KEY, token("omar")).body())
                .contains("olga restarts it");
        assertThat(post("/api/incidents/" + incident + "/annotate", token("priya"), Map.of("annotation", "x"))
                        .status())
                .isEqualTo(403);
    }

    private static JsonNode check(Map<String, Object> body) {
        Api.Response report = post("/api/models/" + KEY + "/migrations", token("omar"), body);
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        return report.json();
    }

    private static JsonNode awaitCompleted(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode view = Api.get("/api/models/migrations/" + id, token("omar")).json();
        while (!view.get("status").asText().equals("completed")) {
            assertThat(Instant.now()).as("migration never completed: %s", view).isBefore(deadline);
            Thread.sleep(200);
            view = Api.get("/api/models/migrations/" + id, token("omar")).json();
        }
        return view;
    }

    private List<String> startOnVersion1(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(runtime.startProcessInstanceById(definition(1)).getId());
        }
        return ids;
    }

    private void moveToSecondStep(String instance) {
        Task first = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        taskWork.complete(first.getId(), Map.of(), "omar");
    }

    private String definition(int version) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .processDefinitionVersion(version)
                .singleResult()
                .getId();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repository
                .createDeployment()
                .addModelInstance(KEY + ".bpmn", model)
                .deploy()
                .getId());
    }
}
