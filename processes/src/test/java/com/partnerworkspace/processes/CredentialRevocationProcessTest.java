package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.failAsyncJob;
import static com.partnerworkspace.processes.ProcessJobs.incidentsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * Every path of credential-revocation with stubbed delegates. What each step does is proved in the engine
 * against the real servers: "End share links and delegations" by
 * {@code DelegationFlowTest#revokingAConnectionEndsItsShareLinksAndTheDelegationsLimitedToIt}, which fails
 * when the step does nothing.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/credential-revocation.bpmn")
class CredentialRevocationProcessTest {

    /** Which delegate ran, in order. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        for (String name : List.of("revokeAtBroker", "destroyCredential", "endDependentDelegations")) {
            Mocks.register(name, recording(name));
        }
        Mocks.register("notifyConnectionRevoked", (JavaDelegate)
                execution -> calls.add("notifyConnectionRevoked:" + execution.getVariable("revokedBy")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aRevokedConnectionIsRevokedAtTheBrokerDestroyedAndEveryoneTold() {
        ProcessInstance instance = revoke();

        for (String step : List.of(
                "Task_RevokeAtBroker",
                "Task_DestroyCredential",
                "Task_EndDependentDelegations",
                "Task_NotifyConnectionRevoked")) {
            assertThat(instance).isWaitingAt(step);
            assertThat(asyncJobOf(instance)).as("the job of %s", step).isNotNull();
            execute(asyncJobOf(instance));
        }

        assertThat(instance).hasPassed("Event_ConnectionRevoked").isEnded();
        assertThat(calls)
                .containsExactly(
                        "revokeAtBroker",
                        "destroyCredential",
                        "endDependentDelegations",
                        "notifyConnectionRevoked:nikhil");
    }

    @Test
    void anUnreachableBrokerRetriesThenRaisesAnIncident() {
        Mocks.register("revokeAtBroker", (JavaDelegate) execution -> {
            calls.add("revokeAtBroker");
            throw new IllegalStateException("broker unreachable");
        });
        ProcessInstance instance = revoke();

        List<Job> afterEachAttempt = failAsyncJob(instance, 3, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(2, 1, 0);
        assertThat(instance).isWaitingAt("Task_RevokeAtBroker").hasNotPassed("Task_DestroyCredential");
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId, Incident::getIncidentMessage)
                .containsExactly("Task_RevokeAtBroker", "broker unreachable");
        assertThat(calls).containsExactly("revokeAtBroker", "revokeAtBroker", "revokeAtBroker");
    }

    /** Starts a revocation the way the credentials feature does. */
    private static ProcessInstance revoke() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "credential-revocation",
                        "c-1",
                        withVariables("connectionId", "c-1", "partner", "nikhil", "revokedBy", "nikhil"));
    }

    private JavaDelegate recording(String name) {
        return (DelegateExecution execution) -> calls.add(name);
    }
}
