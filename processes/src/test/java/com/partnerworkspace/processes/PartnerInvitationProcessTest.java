package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.failAsyncJob;
import static com.partnerworkspace.processes.ProcessJobs.incidentsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
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
 * Every path of partner-invitation with stubbed delegates. That each step looks up before it creates (so a
 * retry after Keycloak failed half-way makes no second group or user) is proved in the engine against the
 * real Keycloak: {@code PartnersApiTest#aStepRetriedAfterKeycloakFailedHalfWayMakesNoSecondGroupOrUser}.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/partner-invitation.bpmn")
class PartnerInvitationProcessTest {

    private static final List<String> STEPS = List.of(
            "Task_CreatePartnerGroup",
            "Task_CreatePartnerUser",
            "Task_SendAccountSetupEmail",
            "Task_ApplyPersonaDefaults",
            "Task_SendWelcomeEmail");

    /** Which delegate ran, with the partner it read, in order. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        for (String name : List.of(
                "createPartnerGroup",
                "createPartnerUser",
                "sendAccountSetupEmail",
                "applyPartnerPersonaDefaults",
                "sendPartnerWelcome")) {
            Mocks.register(name, recording(name));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aNewPartnerGetsGroupUserSetupEmailDefaultsAndWelcomeEachInItsOwnJob() {
        ProcessInstance instance = invite();

        for (String step : STEPS) {
            assertThat(instance).isWaitingAt(step);
            assertThat(asyncJobOf(instance)).as("the job of %s", step).isNotNull();
            execute(asyncJobOf(instance));
        }

        assertThat(instance).hasPassed("Event_PartnerInvited").isEnded();
        assertThat(calls)
                .containsExactly(
                        "createPartnerGroup:ravi",
                        "createPartnerUser:ravi",
                        "sendAccountSetupEmail:ravi",
                        "applyPartnerPersonaDefaults:ravi",
                        "sendPartnerWelcome:ravi");
    }

    @Test
    void keycloakFailingWhileTheUserIsCreatedRetriesOnlyThatStepAndGoesOnOnceItAnswers() {
        int[] failuresLeft = {2};
        Mocks.register("createPartnerUser", (JavaDelegate) execution -> {
            calls.add("createPartnerUser");
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("Keycloak unreachable");
            }
        });
        ProcessInstance instance = invite();
        execute(asyncJobOf(instance));

        List<Job> afterEachAttempt = failAsyncJob(instance, 2, IllegalStateException.class);
        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(4, 3);
        assertThat(instance).isWaitingAt("Task_CreatePartnerUser");
        execute(asyncJobOf(instance));
        ProcessJobs.runJobsUntilEnded(instance);

        assertThat(instance).hasPassed("Event_PartnerInvited");
        assertThat(calls)
                .as("the group is made once; the retried step runs again, the next steps once")
                .containsExactly(
                        "createPartnerGroup:ravi",
                        "createPartnerUser",
                        "createPartnerUser",
                        "createPartnerUser",
                        "sendAccountSetupEmail:ravi",
                        "applyPartnerPersonaDefaults:ravi",
                        "sendPartnerWelcome:ravi");
    }

    @Test
    void keycloakDownForEveryRetryLeavesAnIncidentAtTheStepAndRetryingItFinishesTheInvitation() {
        boolean[] down = {true};
        Mocks.register("createPartnerGroup", (JavaDelegate) execution -> {
            calls.add("createPartnerGroup");
            if (down[0]) {
                throw new IllegalStateException("Keycloak unreachable");
            }
        });
        ProcessInstance instance = invite();

        List<Job> afterEachAttempt = failAsyncJob(instance, 5, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(4, 3, 2, 1, 0);
        assertThat(instance).isWaitingAt("Task_CreatePartnerGroup").hasNotPassed("Task_CreatePartnerUser");
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId, Incident::getIncidentMessage)
                .containsExactly("Task_CreatePartnerGroup", "Keycloak unreachable");

        down[0] = false; // ops retry the job from Cockpit once Keycloak is back
        managementService().setJobRetries(asyncJobOf(instance).getId(), 1);
        ProcessJobs.runJobsUntilEnded(instance);
        assertThat(instance).hasPassed("Event_PartnerInvited");
        assertThat(incidentsOf(instance)).isEmpty();
    }

    @Test
    void aFailedWelcomeEmailIsRetriedAloneNeverTheKeycloakSteps() {
        int[] failuresLeft = {1};
        Mocks.register("sendPartnerWelcome", (JavaDelegate) execution -> {
            calls.add("sendPartnerWelcome");
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("SMTP refused");
            }
        });
        ProcessInstance instance = invite();
        ProcessJobs.runJobsUntilWaitingAt(instance, "Task_SendWelcomeEmail");

        failAsyncJob(instance, 1, IllegalStateException.class);
        execute(asyncJobOf(instance));

        assertThat(instance).isEnded();
        assertThat(calls)
                .containsExactly(
                        "createPartnerGroup:ravi",
                        "createPartnerUser:ravi",
                        "sendAccountSetupEmail:ravi",
                        "applyPartnerPersonaDefaults:ravi",
                        "sendPartnerWelcome",
                        "sendPartnerWelcome");
    }

    /** Starts an invitation the way the partners feature does. */
    private static ProcessInstance invite() {
        return runtimeService()
                .startProcessInstanceByKey("partner-invitation", "ravi", withVariables("partner", "ravi"));
    }

    private JavaDelegate recording(String name) {
        return execution -> calls.add(name + ":" + execution.getProcessBusinessKey());
    }
}
