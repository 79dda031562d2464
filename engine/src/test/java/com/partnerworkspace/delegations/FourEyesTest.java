package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.requestOk;
import static com.partnerworkspace.delegations.Delegations.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decisions happen only through the product's rules: a user task completes only through the product's
 * API with the decider's own token (Camunda's REST API, Tasklist or a direct engine call are refused and
 * audited as refused), and four eyes hold in the engine itself even for a product completion.
 */
@EngineTest
class FourEyesTest {

    @Autowired
    TaskService tasks;

    @Autowired
    TaskWork taskWork;

    @Test
    void theRequesterCannotApproveEvenWhenTheProductSkippedTheFormsCheck() {
        String id = request("orders:read", "Four eyes check");
        Task task = awaitTask(id, "Task_ApproveDelegation");

        taskWork.claim(task.getId(), "nikhil");
        assertThatThrownBy(() -> taskWork.complete(task.getId(), Map.of("approved", true), "nikhil"))
                .hasRootCauseInstanceOf(Refusal.class)
                .hasRootCauseMessage("You cannot decide a delegation you asked for or that is for you.");
        tasks.setAssignee(task.getId(), "arjun");
        assertThatThrownBy(() -> taskWork.complete(task.getId(), Map.of("approved", true), "arjun"))
                .hasRootCauseInstanceOf(Refusal.class);

        assertThat(Delegations.get(id, "nikhil").get("approvals")).isEmpty();
        assertThat(Delegations.get(id, "nikhil").get("state").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void opsCannotApproveThroughCamundasRestApiEvenInTheNameOfApprovers() {
        String id = request("orders:read", "Approve only through the inbox");
        Task task = awaitTask(id, "Task_ApproveDelegation");
        String omar = token("omar");

        for (String approver : List.of("priya", "vikram")) {
            Api.Response assigned = engineRest(
                    "/task/" + task.getId() + "/assignee", omar, "POST", "{\"userId\":\"" + approver + "\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
            Api.Response completed = engineRest(
                    "/task/" + task.getId() + "/complete",
                    omar,
                    "POST",
                    "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");
            assertThat(completed.status()).as(completed.body()).isEqualTo(403);
        }

        JsonNode delegation = Delegations.get(id, "nikhil");
        assertThat(delegation.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(delegation.get("approvals")).isEmpty();
        assertThat(refusalsAuditedFor(task.getId()))
                .hasSize(2)
                .allMatch(entry -> entry.get("actor").asText().equals("omar"));

        // The approver it was assigned to still decides through the product.
        Api.Response approved = Delegations.decide(task.getId(), "vikram", true, "Checked the request");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    }

    @Test
    void confirmWithMfaCannotBeCompletedOutsideTheProduct() {
        String id = request("orders:place", "Places orders while I am away");
        Task task = awaitTask(id, "Task_ConfirmWithMfa");

        assertThatThrownBy(() -> tasks.complete(task.getId()))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Partner Workspace inbox");
        assertThatThrownBy(() -> tasks.claim(task.getId(), "omar")).isInstanceOf(AuthorizationException.class);
        Api.Response completed = engineRest("/task/" + task.getId() + "/complete", token("omar"), "POST", "{}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(403);

        assertThat(Delegations.get(id, "nikhil").get("state").asText()).isEqualTo("AWAITING_MFA");
        assertThat(refusalsAuditedFor(task.getId())).hasSize(3);
    }

    private static String request(String scope, String justification) {
        return requestOk(
                        "nikhil",
                        Map.of(
                                "delegate",
                                "arjun",
                                "scopes",
                                List.of(scope),
                                "duration",
                                "PT1H",
                                "justification",
                                justification + " (" + System.nanoTime() + ")"))
                .get("id")
                .asText();
    }

    private static Api.Response engineRest(String path, String bearer, String method, String body) {
        return Api.send(
                "/engine-rest" + path,
                bearer,
                request -> request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<JsonNode> refusalsAuditedFor(String taskId) {
        Api.Response audit = Api.get("/api/audit?action=task.completion-refused&size=200", token("omar"));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return StreamSupport.stream(audit.json().get("entries").spliterator(), false)
                .filter(entry -> entry.get("target").asText().equals("task/" + taskId))
                .toList();
    }

    private Task awaitTask(String delegationId, String taskKey) {
        Instant deadline = Instant.now().plusSeconds(30);
        Task task;
        while ((task = tasks.createTaskQuery()
                        .processInstanceBusinessKey(delegationId)
                        .taskDefinitionKey(taskKey)
                        .singleResult())
                == null) {
            assertThat(Instant.now()).isBefore(deadline);
            Delegations.sleep(Duration.ofMillis(100));
        }
        return task;
    }
}
