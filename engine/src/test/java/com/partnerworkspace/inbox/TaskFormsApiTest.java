package com.partnerworkspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.RealServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task forms moved to form-js ({@code processes/*.form}, bound with {@code camunda:formRef}) on real
 * tasks of each process: {@code GET /api/tasks/{id}/form} answers the deployed schema, and completing
 * checks the values against it and the task's own rules; a bad value is a 400 naming the field, and the
 * task stays open and unclaimed. The bulk completion checks the same way.
 */
@EngineTest
class TaskFormsApiTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService jobs;

    @Test
    void approveDelegationChecksTheFormThenTheFourEyesRules() {
        String taskId = approvalTask("Form check");

        JsonNode form = formOf(taskId, "priya");
        assertThat(form.at("/schema/id").asText()).isEqualTo("approve-delegation");
        assertThat(keysOf(form.get("schema"))).containsExactly("approved", "comment");
        assertThat(form.get("data").size()).as("no values yet").isZero();

        assertRefused(complete(taskId, "priya", Map.of("approved", "yes")), "approved", "must be true or false");
        assertRefused(
                complete(taskId, "priya", Map.of("approved", true, "note", "x")),
                "note",
                "is not a field of this form");
        Api.Response unexplained = complete(taskId, "priya", Map.of("approved", false, "comment", " "));
        assertThat(unexplained.status())
                .as("the task's own rule: say why when rejecting")
                .isEqualTo(400);
        assertThat(unexplained.body()).contains("must say why");
        assertStillOpenAndUnclaimed(taskId, "priya");

        Api.Response decided = complete(taskId, "priya", Map.of("approved", false, "comment", "Not this week"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    @Test
    void aBulkCompletionChecksEachTaskAgainstItsForm() {
        String taskId = approvalTask("Bulk form check");

        Api.Response bulk = Connections.post(
                "/api/tasks/bulk",
                token("priya"),
                Map.of("action", "complete", "taskIds", List.of(taskId), "values", Map.of("approved", "yes")));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        JsonNode result = bulk.json().at("/results/0");
        assertThat(result.get("outcome").asText()).isEqualTo("bad-request");
        assertThat(result.get("status").asInt()).isEqualTo(400);
        assertThat(result.get("detail").asText()).contains("approved must be true or false");
        assertStillOpenAndUnclaimed(taskId, "priya");

        Api.Response done = Connections.post(
                "/api/tasks/bulk",
                token("priya"),
                Map.of(
                        "action",
                        "complete",
                        "taskIds",
                        List.of(taskId),
                        "values",
                        Map.of("approved", false, "comment", "Not in bulk")));
        assertThat(done.json().at("/results/0/outcome").asText())
                .as(done.body())
                .isEqualTo("done");
    }

    @Test
    void confirmWithMfaTakesNoFieldsAndAFreshMfa() {
        String delegationId = requestDelegation("orders:place", "Confirm form check");
        Task task = awaitTask(delegationId, "Task_ConfirmWithMfa");

        JsonNode form = formOf(task.getId(), "nikhil");
        assertThat(form.at("/schema/id").asText()).isEqualTo("confirm-with-mfa");
        assertThat(keysOf(form.get("schema"))).isEmpty();
        assertRefused(
                complete(task.getId(), "nikhil", Map.of("approved", true)), "approved", "is not a field of this form");
        assertThat(complete(task.getId(), "nikhil", Map.of()).body())
                .as("the task's own rule: a fresh MFA")
                .contains("mfa-step-up-required");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

        Api.Response confirmed = Connections.post(
                "/api/tasks/" + task.getId() + "/complete",
                RealServers.keycloak().mfaAccessToken("nikhil"),
                Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        revoke(delegationId);
    }

    @Test
    void fixConnectionTakesOnlyItsTwoDecisions() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String label = "Form check " + run;
        assertThat(Connections.create("nitin", label, "no-such-client-" + run, "wrong-" + run)
                        .status())
                .isEqualTo(201);
        String taskId = StreamSupport.stream(
                        Api.get("/api/tasks?sort=created,desc&size=200", token("nitin"))
                                .json()
                                .get("content")
                                .spliterator(),
                        false)
                .filter(task -> task.toString().contains(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Fix connection task for nitin"))
                .get("id")
                .asText();

        JsonNode form = formOf(taskId, "nitin");
        assertThat(form.at("/schema/id").asText()).isEqualTo("fix-connection");
        assertThat(form.at("/schema/components/0/values").findValuesAsText("value"))
                .containsExactly("retry", "cancel");
        assertRefused(
                complete(taskId, "nitin", Map.of("decision", "later")), "decision", "must be one of retry, cancel");
        assertRefused(complete(taskId, "nitin", Map.of()), "decision", "is required");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();

        Api.Response cancelled = complete(taskId, "nitin", Map.of("decision", "cancel"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
    }

    @Test
    void handleAlertTakesAnOptionalReasonAsText() {
        Api.Response raised =
                Connections.post("/api/alerts/test", token("omar"), Map.of("partner", "nitin", "severity", "INFO"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String taskId = handToOps(raised.json().get("id").asText());

        JsonNode form = formOf(taskId, "omar");
        assertThat(form.at("/schema/id").asText()).isEqualTo("handle-alert");
        assertThat(keysOf(form.get("schema"))).containsExactly("reason");
        assertRefused(complete(taskId, "omar", Map.of("reason", 42)), "reason", "must be text");
        assertRefused(complete(taskId, "omar", Map.of("outcome", "handled")), "outcome", "is not a field of this form");
        assertStillOpenAndUnclaimed(taskId, "omar");

        Api.Response handled = complete(taskId, "omar", Map.of("reason", "Called the partner"));
        assertThat(handled.status()).as(handled.body()).isEqualTo(204);
    }

    @Test
    void strangersLearnNothingOfATasksForm() {
        String taskId = approvalTask("Form visibility");
        assertThat(Api.get("/api/tasks/" + taskId + "/form", token("arjun")).status())
                .as("not a candidate")
                .isEqualTo(404);
        assertThat(complete(taskId, "priya", Map.of("approved", false, "comment", "done looking"))
                        .status())
                .isEqualTo(204);
    }

    /**
     * The escalation of the alert moved on to ops' task, as when no level acknowledged it: once its first
     * notification ran (no job of it is due), so the job executor is not working on it meanwhile.
     */
    private String handToOps(String alertId) {
        ProcessInstance instance = awaitInstance(alertId);
        Instant deadline = Instant.now().plusSeconds(30);
        while (jobs.createJobQuery()
                        .processInstanceId(instance.getId())
                        .executable()
                        .count()
                > 0) {
            assertThat(Instant.now()).as("escalation of alert %s idle", alertId).isBefore(deadline);
            Connections.sleep(Duration.ofMillis(200));
        }
        var modification = runtime.createProcessInstanceModification(instance.getId())
                .startBeforeActivity("Task_HandleUnacknowledgedAlert");
        for (String active : runtime.getActiveActivityIds(instance.getId())) {
            modification.cancelAllForActivity(active);
        }
        modification.execute();
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_HandleUnacknowledgedAlert")
                .singleResult()
                .getId();
    }

    private ProcessInstance awaitInstance(String alertId) {
        Instant deadline = Instant.now().plusSeconds(30);
        ProcessInstance instance;
        while ((instance = runtime.createProcessInstanceQuery()
                        .processDefinitionKey("alert-escalation")
                        .processInstanceBusinessKey(alertId)
                        .singleResult())
                == null) {
            assertThat(Instant.now())
                    .as("escalation of alert %s started", alertId)
                    .isBefore(deadline);
            Connections.sleep(Duration.ofMillis(200));
        }
        return instance;
    }

    private String approvalTask(String justification) {
        String delegationId = requestDelegation("credentials:view-status", justification);
        return awaitTask(delegationId, "Task_ApproveDelegation").getId();
    }

    private String requestDelegation(String scope, String justification) {
        revokeOpenDelegationsOf("arjun");
        Api.Response requested = Connections.post(
                "/api/delegations",
                token("nikhil"),
                Map.of(
                        "delegate",
                        "arjun",
                        "scopes",
                        List.of(scope),
                        "duration",
                        "PT1H",
                        "justification",
                        justification + " (" + System.nanoTime() + ")"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().get("id").asText();
    }

    private Task awaitTask(String delegationId, String taskKey) {
        Instant deadline = Instant.now().plusSeconds(30);
        Task task;
        while ((task = tasks.createTaskQuery()
                        .processInstanceBusinessKey(delegationId)
                        .taskDefinitionKey(taskKey)
                        .singleResult())
                == null) {
            assertThat(Instant.now()).as("%s of %s", taskKey, delegationId).isBefore(deadline);
            Connections.sleep(Duration.ofMillis(200));
        }
        return task;
    }

    private static void revokeOpenDelegationsOf(String delegate) {
        for (JsonNode delegation :
                Api.get("/api/delegations?view=granted-to-me", token(delegate)).json()) {
            if (List.of("AWAITING_MFA", "AWAITING_APPROVAL", "ACTIVE")
                    .contains(delegation.get("state").asText())) {
                revoke(delegation.get("id").asText());
            }
        }
    }

    private static void revoke(String delegationId) {
        Connections.post("/api/delegations/" + delegationId + "/revoke", token("omar"), null);
    }

    private static JsonNode formOf(String taskId, String user) {
        Api.Response form = Api.get("/api/tasks/" + taskId + "/form", token(user));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return form.json();
    }

    private static Api.Response complete(String taskId, String user, Map<String, Object> values) {
        return Connections.post("/api/tasks/" + taskId + "/complete", token(user), values);
    }

    /** A 400 problem whose errors name the field with the message. */
    private static void assertRefused(Api.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        response.json()
                .path("errors")
                .forEach(error -> errors.add(error.path("field").asText() + " "
                        + error.path("message").asText()));
        assertThat(errors).as(response.body()).contains(field + " " + message);
    }

    /** Nothing was written: the task is still open, and still offered to its candidates. */
    private static void assertStillOpenAndUnclaimed(String taskId, String user) {
        Api.Response task = Api.get("/api/tasks/" + taskId, token(user));
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        assertThat(task.json().get("assignee").isNull())
                .as("not claimed on the way")
                .isTrue();
    }

    private static String token(String user) {
        return Connections.token(user);
    }

    private static List<String> keysOf(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.path("components").forEach(component -> {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
        });
        return keys;
    }
}
