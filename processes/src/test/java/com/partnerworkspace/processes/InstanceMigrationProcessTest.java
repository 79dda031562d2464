package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.failAsyncJob;
import static com.partnerworkspace.processes.ProcessJobs.incidentsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every path of instance-migration with stubbed steps. That the author cannot review their own migration,
 * and what running it does in the engine, is shown against the real engine: {@code MigrationsApiTest}.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/instance-migration.bpmn")
class InstanceMigrationProcessTest {

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubSteps() {
        for (String name : List.of("runMigration", "rejectMigration")) {
            Mocks.register(name, (JavaDelegate) execution -> calls.add(name + ":" + execution.getBusinessKey()));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aProposedMigrationWaitsForAReviewByOps() {
        ProcessInstance instance = propose();

        assertThat(instance).isWaitingAt("Task_ReviewMigration");
        assertThat(taskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskCandidateGroup("ops")
                        .count())
                .isEqualTo(1);
        assertThat(calls).isEmpty();
    }

    @Test
    void anApprovedMigrationStartsItsBatchInItsOwnJob() {
        ProcessInstance instance = propose();

        complete(task(instance), withVariables("approved", true, "comment", "plan checked"));
        assertThat(instance).isWaitingAt("Task_RunMigration");
        execute(asyncJobOf(instance));

        assertThat(instance).hasPassed("Event_MigrationStarted").isEnded();
        assertThat(calls).containsExactly("runMigration:migration-1");
    }

    @Test
    void aRejectedMigrationIsRecordedAndNothingRuns() {
        ProcessInstance instance = propose();

        complete(task(instance), withVariables("approved", false, "comment", "not during trading hours"));

        assertThat(instance).hasPassed("Event_MigrationRejected").isEnded();
        assertThat(calls).containsExactly("rejectMigration:migration-1");
    }

    @Test
    void aMigrationThatCannotStartLeavesAnIncidentAtTheStep() {
        Mocks.register("runMigration", (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance instance = propose();
        complete(task(instance), withVariables("approved", true, "comment", ""));

        List<Job> afterEachAttempt = failAsyncJob(instance, 3, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(2, 1, 0);
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId)
                .isEqualTo("Task_RunMigration");
    }

    private static ProcessInstance propose() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "instance-migration",
                        "migration-1",
                        withVariables("migrationId", "migration-1", "author", "omar"));
    }
}
