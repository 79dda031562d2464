package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.failAsyncJob;
import static com.partnerworkspace.processes.ProcessJobs.incidentsOf;
import static com.partnerworkspace.processes.ProcessJobs.runJobsUntilEnded;
import static com.partnerworkspace.processes.ProcessJobs.runJobsUntilWaitingAt;
import static com.partnerworkspace.processes.ProcessJobs.timerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** Every path of credential-rotation with stubbed delegates. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/credential-rotation.bpmn")
class CredentialRotationProcessTest {

    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

    /** Which delegate ran, in order, with the versions it was given where it works on one. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("writeNewVersion", (JavaDelegate) execution -> {
            calls.add("writeNewVersion:" + execution.getVariable("baseVersion"));
            execution.setVariable("newVersion", 4);
        });
        Mocks.register("verifyNewVersion", (JavaDelegate)
                execution -> calls.add("verifyNewVersion:" + execution.getVariable("newVersion")));
        Mocks.register("recordRotation", (JavaDelegate) execution -> calls.add(
                "recordRotation:" + execution.getVariable("baseVersion") + "->" + execution.getVariable("newVersion")));
        Mocks.register("notifyRotated", recording("notifyRotated"));
        Mocks.register("destroyOldVersions", (JavaDelegate)
                execution -> calls.add("destroyOldVersions:" + execution.getVariable("newVersion")));
        Mocks.register("rollBackRotation", (JavaDelegate)
                execution -> calls.add("rollBackRotation:" + execution.getVariable("baseVersion")));
        Mocks.register("raiseRotationViolation", recording("raiseRotationViolation"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aVerifiedVersionReplacesTheOldOnesAfterTheGracePeriod() {
        ProcessInstance instance = rotate();

        assertThat(instance).isWaitingAt("Task_WriteNewVersion");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_VerifyNewVersion");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_RecordRotation");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_NotifyRotated");
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Event_GracePeriodOver");
        assertThat(calls).doesNotContain("destroyOldVersions:4");
        Job gracePeriod = timerOf(instance);
        assertThat(gracePeriod.getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(10))));
        execute(gracePeriod);
        assertThat(instance).isWaitingAt("Task_DestroyOldVersions");
        execute(asyncJobOf(instance));

        assertThat(instance)
                .hasPassed("Event_CredentialRotated")
                .hasNotPassed("Task_RollBackRotation", "Task_RaiseRotationViolation")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "writeNewVersion:3",
                        "verifyNewVersion:4",
                        "recordRotation:3->4",
                        "notifyRotated",
                        "destroyOldVersions:4");
    }

    @Test
    void aFailedWriteRollsBackAndRaisesAPolicyViolation() {
        Mocks.register("writeNewVersion", failingWith("writeNewVersion", new BpmnError("RotationFailed")));
        ProcessInstance instance = rotate();

        execute(asyncJobOf(instance));
        assertThat(instance).hasPassed("Event_WriteFailed").isWaitingAt("Task_RollBackRotation");
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Task_RaiseRotationViolation", "Event_RotationRolledBack")
                .hasNotPassed("Task_VerifyNewVersion", "Task_RecordRotation", "Task_DestroyOldVersions")
                .isEnded();
        assertThat(calls).containsExactly("writeNewVersion", "rollBackRotation:3", "raiseRotationViolation");
    }

    @Test
    void aVersionTheBrokerRefusesIsRolledBackAndRaisesAPolicyViolation() {
        Mocks.register("verifyNewVersion", failingWith("verifyNewVersion", new BpmnError("RotationFailed")));
        ProcessInstance instance = rotate();

        runJobsUntilWaitingAt(instance, "Task_VerifyNewVersion");
        execute(asyncJobOf(instance));
        assertThat(instance).hasPassed("Event_VerifyFailed").isWaitingAt("Task_RollBackRotation");
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Task_RaiseRotationViolation", "Event_RotationRolledBack")
                .hasNotPassed(
                        "Task_RecordRotation",
                        "Task_NotifyRotated",
                        "Task_DestroyOldVersions",
                        "Event_CredentialRotated")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "writeNewVersion:3", "verifyNewVersion", "rollBackRotation:3", "raiseRotationViolation");
    }

    @Test
    void vaultDownWhileWritingRetriesThenRaisesAnIncident() {
        Mocks.register(
                "writeNewVersion", failingWith("writeNewVersion", new IllegalStateException("Vault unavailable")));
        ProcessInstance instance = rotate();

        List<Job> afterEachAttempt = failAsyncJob(instance, 3, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(2, 1, 0);
        assertThat(afterEachAttempt.get(0).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofSeconds(10))));
        assertThat(instance).isWaitingAt("Task_WriteNewVersion").hasNotPassed("Task_RollBackRotation");
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId, Incident::getIncidentMessage)
                .containsExactly("Task_WriteNewVersion", "Vault unavailable");
        assertThat(calls).containsExactly("writeNewVersion", "writeNewVersion", "writeNewVersion");
    }

    /** Starts a rotation the way the credentials feature does. */
    private static ProcessInstance rotate() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "credential-rotation",
                        "c-1",
                        withVariables(
                                "connectionId",
                                "c-1",
                                "partner",
                                "nikhil",
                                "trigger",
                                "manual",
                                "requestedBy",
                                "nikhil",
                                "baseVersion",
                                3,
                                "gracePeriod",
                                "PT10M"));
    }

    private JavaDelegate failingWith(String name, RuntimeException failure) {
        return execution -> {
            calls.add(name);
            throw failure;
        };
    }

    private JavaDelegate recording(String name) {
        return (DelegateExecution execution) -> calls.add(name);
    }
}
