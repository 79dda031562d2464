package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Finds and runs the jobs of one process instance, for the process tests that stub every delegate. */
final class ProcessJobs {

    private ProcessJobs() {}

    static Job timerOf(ProcessInstance instance) {
        return managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
    }

    /** The next asynchronous continuation (not a timer) of the instance. */
    static Job asyncJobOf(ProcessInstance instance) {
        return managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .messages()
                .singleResult();
    }

    static void runJobsUntilWaitingAt(ProcessInstance instance, String activityId) {
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

    static void runJobsUntilEnded(ProcessInstance instance) {
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
        assertThat(instance).isEnded();
    }

    /**
     * Runs the instance's asynchronous continuation {@code attempts} times, each attempt failing with
     * the delegate's own exception, and answers the job as it stood after each attempt.
     */
    static List<Job> failAsyncJob(ProcessInstance instance, int attempts, Class<? extends Exception> failure) {
        List<Job> afterEachAttempt = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String jobId = asyncJobOf(instance).getId();
            assertThatThrownBy(() -> managementService().executeJob(jobId)).isInstanceOf(failure);
            afterEachAttempt.add(asyncJobOf(instance));
        }
        return afterEachAttempt;
    }

    static List<Incident> incidentsOf(ProcessInstance instance) {
        return runtimeService()
                .createIncidentQuery()
                .processInstanceId(instance.getId())
                .list();
    }
}
