package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processes that run on a timer cycle set in their model: the rotation schedule (every minute), the
 * credential health scan (every five minutes) and the login-failure watch (every minute). Each tick
 * runs its one step once and schedules the next tick.
 */
@ExtendWith(ProcessEngineExtension.class)
class ScheduledProcessesTest {

    /** The clock when the model is deployed: the first tick is due one period after it. */
    private static final Instant DEPLOYED = Instant.parse("2030-03-04T09:00:00Z");

    record Schedule(String key, String startEvent, String task, String delegate, String endEvent, Duration period) {
        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<Schedule> schedules() {
        return Stream.of(
                new Schedule(
                        "credential-rotation-schedule",
                        "Event_EveryMinute",
                        "Task_StartDueRotations",
                        "startDueRotations",
                        "Event_DueRotationsStarted",
                        Duration.ofMinutes(1)),
                new Schedule(
                        "credential-health-scan",
                        "Event_EveryFiveMinutes",
                        "Task_ScanCredentialHealth",
                        "scanCredentialHealth",
                        "Event_HealthScanned",
                        Duration.ofMinutes(5)),
                new Schedule(
                        "login-failure-watch",
                        "Event_EveryMinute",
                        "Task_CheckLoginFailures",
                        "checkLoginFailures",
                        "Event_LoginFailuresChecked",
                        Duration.ofMinutes(1)));
    }

    private final List<String> calls = new ArrayList<>();
    private String deployment;

    @AfterEach
    void reset() {
        if (deployment != null) {
            repositoryService().deleteDeployment(deployment, true);
        }
        Mocks.reset();
        ClockUtil.reset();
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void deployingTheModelSetsItsCycle(Schedule schedule) {
        deploy(schedule);

        JobDefinition definition = managementService()
                .createJobDefinitionQuery()
                .processDefinitionKey(schedule.key())
                .activityIdIn(schedule.startEvent())
                .singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: R/" + schedule.period());
        assertThat(tick(schedule).getDuedate()).isEqualTo(at(schedule.period()));
        assertThat(historyService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(schedule.key())
                        .count())
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void eachTickRunsItsStepOnceAndSchedulesTheNextTick(Schedule schedule) {
        deploy(schedule);
        Job tick = tick(schedule);
        ClockUtil.setCurrentTime(tick.getDuedate());

        execute(tick);

        HistoricProcessInstance run = historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(schedule.key())
                .singleResult();
        assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(run.getEndActivityId()).isEqualTo(schedule.endEvent());
        assertThat(historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(run.getId())
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactly(schedule.startEvent(), schedule.task(), schedule.endEvent());
        assertThat(calls).containsExactly(schedule.delegate());
        assertThat(tick(schedule).getDuedate()).isEqualTo(at(schedule.period().multipliedBy(2)));
    }

    private void deploy(Schedule schedule) {
        ClockUtil.setCurrentTime(Date.from(DEPLOYED));
        Mocks.register(schedule.delegate(), (JavaDelegate) execution -> calls.add(schedule.delegate()));
        deployment = repositoryService()
                .createDeployment()
                .addClasspathResource("processes/" + schedule.key() + ".bpmn")
                .deploy()
                .getId();
    }

    private static Job tick(Schedule schedule) {
        return managementService()
                .createJobQuery()
                .processDefinitionKey(schedule.key())
                .timers()
                .singleResult();
    }

    private static Date at(Duration afterDeployment) {
        return Date.from(DEPLOYED.plus(afterDeployment));
    }
}
