package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.requestOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.inbox.TaskForm.TaskRefusedException;
import com.partnerworkspace.testsupport.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Four eyes hold in the engine itself: completing "Approve delegation" outside the inbox (Tasklist, REST). */
@EngineTest
class FourEyesTest {

    @Autowired
    TaskService tasks;

    @Test
    void theRequesterCannotApproveEvenThroughTheEngineDirectly() {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("orders:read"),
                                "duration", "PT1H",
                                "justification", "Four eyes check"))
                .get("id")
                .asText();
        Task task = awaitTask(id);

        tasks.claim(task.getId(), "nikhil");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)))
                .hasRootCauseInstanceOf(TaskRefusedException.class)
                .hasRootCauseMessage("You cannot decide a delegation you asked for or that is for you.");
        tasks.setAssignee(task.getId(), "arjun");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)))
                .hasRootCauseInstanceOf(TaskRefusedException.class);

        assertThat(Delegations.get(id, "nikhil").get("approvals")).isEmpty();
        assertThat(Delegations.get(id, "nikhil").get("state").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    private Task awaitTask(String delegationId) {
        Instant deadline = Instant.now().plusSeconds(30);
        Task task;
        while ((task = tasks.createTaskQuery()
                        .processInstanceBusinessKey(delegationId)
                        .taskDefinitionKey("Task_ApproveDelegation")
                        .singleResult())
                == null) {
            assertThat(Instant.now()).isBefore(deadline);
            Delegations.sleep(Duration.ofMillis(100));
        }
        return task;
    }
}
