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
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every path of an ops change reviewed by a second ops person (model-deployment, instance-migration), with
 * stubbed steps: proposed, it waits for ops; approved, its step runs in a job of its own; rejected, the
 * rejection is recorded and nothing runs; a step that keeps failing leaves an incident on it. Each process
 * says in a {@link Review} how it names these; the four-eyes rule itself is the engine's to prove.
 */
@ExtendWith(ProcessEngineExtension.class)
abstract class FourEyesReviewProcessTest {

    /**
     * How one review process names its parts.
     *
     * @param subjectVariable the variable (and business key) naming what is reviewed, e.g. {@code draftId}
     */
    record Review(
            String processKey,
            String subjectVariable,
            String subject,
            String reviewTask,
            String step,
            String stepBean,
            String doneEvent,
            String rejectBean,
            String rejectedEvent) {}

    private final Review review;
    private final List<String> calls = new ArrayList<>();

    FourEyesReviewProcessTest(Review review) {
        this.review = review;
    }

    @BeforeEach
    void stubSteps() {
        for (String name : List.of(review.stepBean(), review.rejectBean())) {
            Mocks.register(name, (JavaDelegate) execution -> calls.add(name + ":" + execution.getBusinessKey()));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aProposalWaitsForAReviewByOps() {
        ProcessInstance instance = propose();

        assertThat(instance).isWaitingAt(review.reviewTask());
        assertThat(taskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskCandidateGroup("ops")
                        .count())
                .isEqualTo(1);
        assertThat(calls).isEmpty();
    }

    @Test
    void anApprovalRunsTheStepInItsOwnJob() {
        ProcessInstance instance = propose();

        complete(task(instance), withVariables("approved", true, "comment", "looks right"));
        assertThat(instance).isWaitingAt(review.step());
        execute(asyncJobOf(instance));

        assertThat(instance).hasPassed(review.doneEvent()).isEnded();
        assertThat(calls).containsExactly(review.stepBean() + ":" + review.subject());
    }

    @Test
    void aRejectionIsRecordedAndNothingRuns() {
        ProcessInstance instance = propose();

        complete(task(instance), withVariables("approved", false, "comment", "not this week"));

        assertThat(instance).hasPassed(review.rejectedEvent()).isEnded();
        assertThat(calls).containsExactly(review.rejectBean() + ":" + review.subject());
    }

    @Test
    void aStepThatKeepsFailingLeavesAnIncidentOnIt() {
        Mocks.register(review.stepBean(), (JavaDelegate) execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance instance = propose();
        complete(task(instance), withVariables("approved", true, "comment", ""));

        List<Job> afterEachAttempt = failAsyncJob(instance, 3, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(2, 1, 0);
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId)
                .isEqualTo(review.step());
    }

    private ProcessInstance propose() {
        return runtimeService()
                .startProcessInstanceByKey(
                        review.processKey(),
                        review.subject(),
                        withVariables(review.subjectVariable(), review.subject(), "author", "omar"));
    }
}
