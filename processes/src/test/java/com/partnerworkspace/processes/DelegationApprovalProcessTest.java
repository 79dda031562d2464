package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of delegation-approval with the real delegation-policy table and stubbed delegates. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/delegation-approval.bpmn", "processes/delegation-policy.dmn"})
class DelegationApprovalProcessTest {

    /** Which delegate ran, in order, with the end state it was given where it has one. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        for (String name : List.of(
                "notifyApprovers", "recordRejection", "createBotClient", "notifyGrantApplied", "recordTimeout")) {
            Mocks.register(name, recording(name));
        }
        Mocks.register(
                "recordApprovalDecision", (TaskListener) task -> calls.add("decision:" + task.getVariable("approved")));
        Mocks.register("applyGrant", (JavaDelegate) execution -> {
            calls.add("applyGrant");
            execution.setVariable("expiresAt", Date.from(Instant.now().plus(8, ChronoUnit.HOURS)));
        });
        Mocks.register("removeGrant", (JavaDelegate)
                execution -> calls.add("removeGrant:" + execution.getVariable("endState")));
        Mocks.register("notifyDelegationExpired", recording("notifyDelegationExpired"));
        Mocks.register("notifyDelegationRevoked", recording("notifyDelegationRevoked"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void nonCriticalRequestIsApprovedOnceGrantedAndExpires() {
        ProcessInstance instance = request(false, "person", 8);

        assertThat(instance).hasPassed("Task_ApplyDelegationPolicy").isWaitingAt("Task_NotifyApprovers");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_ApproveDelegation");
        assertThat(task()).hasCandidateGroup("approver").hasDueDate(deadline());
        org.assertj.core.api.Assertions.assertThat(task().getPriority())
                .as("routine: the policy's priority")
                .isEqualTo(50);
        approve(instance, true);

        runJobsUntilWaitingAt(instance, "Event_DelegationExpires");
        execute(timerOf(instance));
        runJobsUntilEnded(instance);

        assertThat(instance).hasPassed("Event_DelegationExpired").isEnded();
        assertThat(calls)
                .containsExactly(
                        "notifyApprovers",
                        "decision:true",
                        "applyGrant",
                        "notifyGrantApplied",
                        "removeGrant:EXPIRED",
                        "notifyDelegationExpired");
    }

    @Test
    void criticalRequestNeedsTheRequestersMfaAndTwoApprovals() {
        ProcessInstance instance = request(true, "person", 4);

        assertThat(instance).isWaitingAt("Task_ConfirmWithMfa");
        assertThat(task()).isAssignedTo("nikhil");
        complete(task());
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Task_ApproveDelegation");
        approve(instance, true);
        assertThat(instance).isWaitingAt("Task_ApproveDelegation");
        assertThat(runtimeService().getVariable(instance.getId(), "approvalsGiven"))
                .isEqualTo(1L);
        approve(instance, true);

        assertThat(instance).isWaitingAt("Task_ApplyGrant");
        assertThat(calls).containsExactly("notifyApprovers", "decision:true", "decision:true");
    }

    @Test
    void rejectionEndsTheRequestWithoutAGrant() {
        ProcessInstance instance = request(true, "person", 4);
        assertThat(instance).isWaitingAt("Task_ConfirmWithMfa");
        complete(task());
        execute(asyncJobOf(instance));
        approve(instance, true);
        approve(instance, false);
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Task_RecordRejection", "Event_DelegationRejected")
                .isEnded();
        assertThat(calls).containsExactly("notifyApprovers", "decision:true", "decision:false", "recordRejection");
    }

    @Test
    void anUnconfirmedRequestTimesOut() {
        ProcessInstance instance = request(true, "person", 4);

        execute(timerOf(instance));
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Event_MfaNotConfirmedInTime", "Event_DelegationTimedOut")
                .isEnded();
        assertThat(calls).containsExactly("recordTimeout");
    }

    @Test
    void anUndecidedRequestTimesOut() {
        ProcessInstance instance = request(false, "person", 8);
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_ApproveDelegation");

        execute(timerOf(instance));
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Event_NotDecidedInTime", "Event_DelegationTimedOut")
                .isEnded();
        assertThat(calls).containsExactly("notifyApprovers", "recordTimeout");
    }

    @Test
    void revokingAnActiveDelegationRemovesTheGrantAtOnce() {
        ProcessInstance instance = request(false, "person", 8);
        execute(asyncJobOf(instance));
        approve(instance, true);
        runJobsUntilWaitingAt(instance, "Event_DelegationExpires");

        runtimeService()
                .createMessageCorrelation("DelegationRevoked")
                .processInstanceBusinessKey("d-1")
                .correlate();
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Event_DelegationRevoked")
                .hasNotPassed("Event_DelegationExpired")
                .isEnded();
        assertThat(calls).endsWith("removeGrant:REVOKED", "notifyDelegationRevoked");
    }

    @Test
    void revokingAWaitingRequestEndsIt() {
        ProcessInstance instance = request(true, "person", 4);

        runtimeService()
                .createMessageCorrelation("DelegationRevoked")
                .processInstanceBusinessKey("d-1")
                .correlate();
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Event_DelegationRevoked")
                .hasNotPassed("Task_ApplyGrant")
                .isEnded();
    }

    @Test
    void aBotGetsItsOwnClientBeforeTheGrant() {
        ProcessInstance instance = request(false, "bot", 24);
        execute(asyncJobOf(instance));
        approve(instance, true);

        runJobsUntilWaitingAt(instance, "Event_DelegationExpires");

        assertThat(calls)
                .containsExactly(
                        "notifyApprovers", "decision:true", "createBotClient", "applyGrant", "notifyGrantApplied");
    }

    @Test
    void keycloakDownWhileApplyingTheGrantRetriesThenRaisesAnIncident() {
        Mocks.register("applyGrant", (JavaDelegate) execution -> {
            calls.add("applyGrant");
            throw new IllegalStateException("Keycloak unavailable");
        });
        ProcessInstance instance = request(false, "person", 8);
        execute(asyncJobOf(instance));
        approve(instance, true);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job applyGrant = asyncJobOf(instance);
            try {
                managementService().executeJob(applyGrant.getId());
            } catch (IllegalStateException expected) {
                // each failed attempt uses up one retry
            }
        }

        assertThat(instance).isWaitingAt("Task_ApplyGrant");
        assertThat(asyncJobOf(instance).getRetries()).isZero();
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1L);
        assertThat(calls).containsExactly("notifyApprovers", "decision:true", "applyGrant", "applyGrant", "applyGrant");
    }

    private ProcessInstance request(boolean critical, String delegateKind, double requestedHours) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "delegation-approval",
                        "d-1",
                        withVariables(
                                "delegationId",
                                "d-1",
                                "partner",
                                "nikhil",
                                "requester",
                                "nikhil",
                                "delegateKind",
                                delegateKind,
                                "critical",
                                critical,
                                "requestedHours",
                                requestedHours,
                                "requestDeadline",
                                deadline(),
                                "approvalsGiven",
                                0));
    }

    private static Date deadline() {
        return Date.from(Instant.parse("2099-01-01T00:00:00Z"));
    }

    private static void approve(ProcessInstance instance, boolean approved) {
        assertThat(instance).isWaitingAt("Task_ApproveDelegation");
        complete(task(), withVariables("approved", approved));
    }

    private static Job timerOf(ProcessInstance instance) {
        return managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
    }

    /** The next asynchronous continuation (not a timer) of the instance. */
    private static Job asyncJobOf(ProcessInstance instance) {
        return managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .messages()
                .singleResult();
    }

    private static void runJobsUntilWaitingAt(ProcessInstance instance, String activityId) {
        for (int i = 0;
                i < 10
                        && !runtimeService()
                                .getActiveActivityIds(instance.getId())
                                .contains(activityId);
                i++) {
            execute(asyncJobOf(instance));
        }
        assertThat(instance).isWaitingAt(activityId);
    }

    private static void runJobsUntilEnded(ProcessInstance instance) {
        for (int i = 0;
                i < 10
                        && runtimeService()
                                        .createProcessInstanceQuery()
                                        .processInstanceId(instance.getId())
                                        .count()
                                > 0;
                i++) {
            execute(asyncJobOf(instance));
        }
    }

    private JavaDelegate recording(String name) {
        return (DelegateExecution execution) -> calls.add(name);
    }
}
