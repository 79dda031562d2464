package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.decide;
import static com.partnerworkspace.delegations.Delegations.requestOk;
import static com.partnerworkspace.delegations.Delegations.taskFor;
import static com.partnerworkspace.delegations.Delegations.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inbox v2's task detail on a real approval task: diagram, history and comments with their permissions. */
@EngineTest
class ApprovalTaskDetailTest {

    @Test
    void theDiagramShowsTheCurrentStepAndThePathTaken() {
        String taskId = openApprovalTask("Watch the diagram");

        Api.Response diagram = Api.get("/api/tasks/" + taskId + "/diagram", token("priya"));

        assertThat(diagram.status()).as(diagram.body()).isEqualTo(200);
        JsonNode body = diagram.json();
        assertThat(body.get("xml").asText()).contains("<bpmn:process id=\"delegation-approval\"");
        assertThat(texts(body.get("activeActivityIds"))).contains("Task_ApproveDelegation");
        assertThat(texts(body.get("completedActivityIds")))
                .startsWith("Event_DelegationRequested")
                .doesNotContain("Task_ApproveDelegation");
        assertThat(Api.get("/api/tasks/" + taskId + "/diagram", token("arjun")).status())
                .as("not a candidate")
                .isEqualTo(404);
        decide(taskId, "priya", false, "done looking");
    }

    @Test
    void theHistoryNamesTheStepsAndWhoTookTheTask() {
        String taskId = openApprovalTask("Watch the history");
        assertThat(Delegations.post("/api/tasks/" + taskId + "/claim", "vikram", null)
                        .status())
                .isEqualTo(200);

        JsonNode history =
                Api.get("/api/tasks/" + taskId + "/history", token("vikram")).json();

        List<String> lines = new ArrayList<>();
        history.forEach(entry ->
                lines.add(entry.get("who").asText("") + " " + entry.get("what").asText()));
        assertThat(lines.get(0)).contains("started");
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("vikram took the task"));
        assertThat(lines)
                .as("the audit trail's entries about the delegation")
                .anySatisfy(line -> assertThat(line).isEqualTo("nikhil delegation.requested"));
        decide(taskId, "vikram", false, "done looking");
    }

    @Test
    void commentsAreForCandidatesAndThePartnerOnlyTheAuthorChangesThemAndEachChangeIsAudited() {
        String taskId = openApprovalTask("Discuss this one");
        String comments = "/api/tasks/" + taskId + "/comments";

        Api.Response added = Delegations.post(comments, "priya", Map.of("text", "Why a full hour?"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String commentId = added.json().get("id").asText();
        assertThat(added.json().get("author").asText()).isEqualTo("priya");

        assertThat(texts(Api.get(comments, token("nikhil")).json(), "text"))
                .as("the partner the task is about")
                .containsExactly("Why a full hour?");
        assertThat(texts(Api.get(comments, token("vikram")).json(), "text"))
                .as("another candidate")
                .containsExactly("Why a full hour?");
        assertThat(Api.get(comments, token("arjun")).status())
                .as("the teammate being granted is neither")
                .isEqualTo(404);
        Api.Response answer = Delegations.post(comments, "nikhil", Map.of("text", "The market opens late"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);

        assertThat(put(comments + "/" + commentId, "vikram", "{\"text\":\"mine now\"}")
                        .status())
                .as("not the author")
                .isEqualTo(403);
        Api.Response blank = put(comments + "/" + commentId, "priya", "{\"text\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"text\"");
        Api.Response edited = put(comments + "/" + commentId, "priya", "{\"text\":\"Why a full hour, nikhil?\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("updatedAt").isNull()).isFalse();
        assertThat(Api.send(comments + "/" + commentId, token("priya"), HttpRequest.Builder::DELETE)
                        .status())
                .isEqualTo(204);
        assertThat(texts(Api.get(comments, token("priya")).json(), "text")).containsExactly("The market opens late");

        String audit = Api.get("/api/audit?size=100", token("omar")).body();
        assertThat(audit)
                .contains("task.comment-added")
                .contains("task.comment-edited")
                .contains("task.comment-deleted")
                .contains("task/" + taskId);
        decide(taskId, "priya", false, "done discussing");
    }

    private static String openApprovalTask(String justification) {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate",
                                "arjun",
                                "scopes",
                                List.of("credentials:view-status"),
                                "duration",
                                "PT1H",
                                "justification",
                                justification))
                .get("id")
                .asText();
        return taskFor(id, "priya").get("id").asText();
    }

    private static Api.Response put(String path, String user, String json) {
        return Api.send(
                path,
                token(user),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
