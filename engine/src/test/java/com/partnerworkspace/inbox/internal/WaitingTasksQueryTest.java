package com.partnerworkspace.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.inbox.WaitingTasks;
import com.partnerworkspace.inbox.WaitingTasks.Waiting;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What other features show as "waiting for you" (the workspace's approvals widget) is what the inbox lists:
 * assigned to the person, or unclaimed and offered to one of their roles; active only; oldest first. On a
 * process of its own, so the shared engine's other tasks do not count.
 */
@EngineTest
class WaitingTasksQueryTest {

    private static final WorkspaceUser PRIYA = user("priya", "approver");
    private static final WorkspaceUser VIKRAM = user("vikram", "approver");
    private static final WorkspaceUser NIKHIL = user("nikhil", "partner");

    private final String process = "waiting-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    WaitingTasks waiting;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TaskWork taskWork;

    @Autowired
    TestClock clock;

    private String deployment;

    @BeforeEach
    void aProcessOfferedToApprovers() {
        deployment = repository
                .createDeployment()
                .addModelInstance(
                        process + ".bpmn",
                        Bpmn.createExecutableProcess(process)
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Event_Requested")
                                .userTask("Task_Approve")
                                .name("Approve")
                                .camundaCandidateGroups("approver")
                                .endEvent("Event_Decided")
                                .done())
                .deploy()
                .getId();
    }

    @AfterEach
    void removeIt() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void assignedToThePersonOrOfferedToTheirRolesOldestFirst() {
        String first = startTask();
        clock.advance(Duration.ofMinutes(1));
        String second = startTask();
        clock.advance(Duration.ofMinutes(1));
        String third = startTask();

        assertThat(ids(PRIYA, 10)).containsExactly(first, second, third);
        assertThat(ids(PRIYA, 2)).as("at most max").containsExactly(first, second);
        assertThat(ids(NIKHIL, 10)).as("not offered to partners").isEmpty();

        taskWork.claim(second, "vikram");

        assertThat(ids(PRIYA, 10)).as("claimed by another").containsExactly(first, third);
        assertThat(ids(VIKRAM, 10)).as("claimed by vikram").containsExactly(first, second, third);
        assertThat(waiting.oldest(PRIYA, process, 1))
                .singleElement()
                .satisfies(task -> assertThat(task.name()).isEqualTo("Approve"))
                .satisfies(task -> assertThat(task.createdAt()).isBefore(clock.instant()));
    }

    @Test
    void aSuspendedTaskAndAnotherProcessWaitForNobody() {
        String task = startTask();
        runtime.suspendProcessInstanceById(
                tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId());

        assertThat(ids(PRIYA, 10)).isEmpty();
        assertThat(waiting.oldest(PRIYA, "no-such-process", 10)).isEmpty();
        assertThat(waiting.oldest(user("nobody"), process, 10))
                .as("a person without a role")
                .isEmpty();
    }

    private String startTask() {
        String instance = runtime.startProcessInstanceByKey(process).getId();
        return tasks.createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
    }

    private List<String> ids(WorkspaceUser user, int max) {
        return waiting.oldest(user, process, max).stream().map(Waiting::taskId).toList();
    }

    private static WorkspaceUser user(String username, String... roles) {
        return new WorkspaceUser(username, username, null, Set.of(roles), null, null);
    }
}
