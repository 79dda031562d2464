package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.timerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both paths of alert-silence: it ends on its own (the partner is told) or is lifted early (quietly). */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/alert-silence.bpmn")
class AlertSilenceProcessTest {

    private static final String ENDS_AT = "2030-03-04T18:00:00Z";

    private final List<String> told = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        Mocks.register("tellSilenceEnded", (JavaDelegate)
                execution -> told.add(execution.getProcessBusinessKey() + " to " + execution.getVariable("partner")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void whenTheSilenceEndsThePartnerIsTold() {
        ProcessInstance instance = silence();
        assertThat(instance).isWaitingAt("Gateway_WaitForEnd");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(java.time.Instant.parse(ENDS_AT)));

        execute(timerOf(instance));
        execute(asyncJobOf(instance));

        assertThat(instance).isEnded().hasPassed("Event_SilenceEnded");
        assertThat(told).containsExactly("mute-1 to raja");
    }

    @Test
    void aSilenceLiftedEarlyEndsQuietly() {
        ProcessInstance instance = silence();

        runtimeService()
                .createMessageCorrelation("SilenceLifted")
                .processInstanceBusinessKey("mute-1")
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Lifted").hasNotPassed("Task_TellSilenceEnded");
        assertThat(told).isEmpty();
    }

    private static ProcessInstance silence() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "alert-silence", "mute-1", Map.of("muteId", "mute-1", "partner", "raja", "endsAt", ENDS_AT));
    }
}
