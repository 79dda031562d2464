package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The login failure watch: a timer start event that checks once a minute. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/login-failure-watch.bpmn")
class LoginFailureWatchProcessTest {

    private static final String SCHEDULE = "login-failure-watch";

    /** Set before the extension deploys the model, so the first timer is due a minute after it. */
    private static final Instant DEPLOYED = Instant.parse("2030-03-04T09:00:00Z");

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        ClockUtil.setCurrentTime(Date.from(DEPLOYED));
        Mocks.register("checkLoginFailures", (JavaDelegate) execution -> calls.add("checkLoginFailures"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deployingTheScheduleSetsAOneMinuteCycle() {
        JobDefinition definition = managementService()
                .createJobDefinitionQuery()
                .processDefinitionKey(SCHEDULE)
                .activityIdIn("Event_EveryMinute")
                .singleResult();

        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: R/PT1M");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at(Duration.ofMinutes(1)));
        assertThat(historyService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(SCHEDULE)
                        .count())
                .isZero();
    }

    @Test
    void eachTickChecksOnceAndSchedulesTheNextTick() {
        Job tick = scheduleTimer();
        ClockUtil.setCurrentTime(tick.getDuedate());

        execute(tick);

        HistoricProcessInstance run = historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(SCHEDULE)
                .singleResult();
        assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(run.getEndActivityId()).isEqualTo("Event_LoginFailuresChecked");
        assertThat(historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(run.getId())
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactly("Event_EveryMinute", "Task_CheckLoginFailures", "Event_LoginFailuresChecked");
        assertThat(calls).containsExactly("checkLoginFailures");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at(Duration.ofMinutes(2)));
    }

    private static Job scheduleTimer() {
        return managementService()
                .createJobQuery()
                .processDefinitionKey(SCHEDULE)
                .timers()
                .singleResult();
    }

    private static Date at(Duration afterDeployment) {
        return Date.from(DEPLOYED.plus(afterDeployment));
    }
}
