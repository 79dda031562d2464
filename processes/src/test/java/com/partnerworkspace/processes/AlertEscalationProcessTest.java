package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.timerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of alert-escalation with stubbed delegates and the real alert-routing table. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/alert-escalation.bpmn", "processes/alert-routing.dmn"})
class AlertEscalationProcessTest {

    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

    /** level:channels for each notification, and the other steps by name. */
    private final List<String> calls = new ArrayList<>();

    private boolean stillOpen = true;

    @BeforeEach
    void stubDelegates() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("notifyAlertLevel", (JavaDelegate) execution -> {
            calls.add("notify " + execution.getVariable("level") + ":" + execution.getVariable("channels"));
            execution.setVariable("stillOpen", stillOpen);
        });
        Mocks.register("escalateAlert", (JavaDelegate) execution -> {
            calls.add("escalate");
            execution.setVariable("level", (Integer) execution.getVariable("level") + 1);
        });
        Mocks.register("handAlertToOps", (JavaDelegate) execution -> calls.add("handToOps"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aCriticalAlertGoesOutEverywhereAndEndsOnAcknowledgement() {
        ProcessInstance instance = raise("CRITICAL", false);

        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(5))));

        runtimeService()
                .createMessageCorrelation("AlertAcknowledged")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Acknowledged");
        assertThat(calls).containsExactly("notify 1:email,slack");
    }

    @Test
    void anUnacknowledgedWarningEscalatesToTheNextLevelThenEndsOnAcknowledgement() {
        ProcessInstance instance = raise("WARNING", false);
        execute(asyncJobOf(instance));

        execute(timerOf(instance));
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        runtimeService()
                .createMessageCorrelation("AlertAcknowledged")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Acknowledged").hasNotPassed("Task_HandToOps");
        assertThat(calls).containsExactly("notify 1:email,slack", "escalate", "notify 2:email,slack");
    }

    @Test
    void quietHoursKeepAWarningToEmailUntilItEscalates() {
        ProcessInstance instance = raise("WARNING", true);
        execute(asyncJobOf(instance));
        execute(timerOf(instance));
        execute(asyncJobOf(instance));

        assertThat(calls).containsExactly("notify 1:email", "escalate", "notify 2:email,slack");
    }

    @Test
    void nobodyAcknowledgingHandsTheAlertToOperationsInTheInbox() {
        ProcessInstance instance = raise("INFO", false);
        execute(asyncJobOf(instance));
        execute(timerOf(instance));
        execute(asyncJobOf(instance));
        execute(timerOf(instance));

        assertThat(instance).isWaitingAt("Task_HandleUnacknowledgedAlert");
        assertThat(task(instance)).hasCandidateGroup("ops");
        complete(task(instance), Map.of("outcome", "handled"));

        assertThat(instance).isEnded().hasPassed("Event_HandledByOps");
        assertThat(calls).containsExactly("notify 1:email", "escalate", "notify 2:email,slack", "handToOps");
    }

    @Test
    void aResolvedConditionEndsTheEscalation() {
        ProcessInstance instance = raise("WARNING", false);
        execute(asyncJobOf(instance));

        runtimeService()
                .createMessageCorrelation("AlertResolved")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Resolved").hasNotPassed("Event_Acknowledged");
    }

    @Test
    void anAlertClosedWhileItsNotificationWasSentEndsWithoutWaiting() {
        stillOpen = false;
        ProcessInstance instance = raise("CRITICAL", false);
        execute(asyncJobOf(instance));

        assertThat(instance).isEnded().hasPassed("Event_ClosedMeanwhile");
    }

    private static ProcessInstance raise(String severity, boolean inQuietHours) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "alert-escalation",
                        "alert-1",
                        Map.of(
                                "alertId",
                                "alert-1",
                                "partner",
                                "nitin",
                                "severity",
                                severity,
                                "level",
                                1,
                                "maxLevel",
                                2,
                                "inQuietHours",
                                inQuietHours,
                                "escalationDelay",
                                "CRITICAL".equals(severity) ? "PT5M" : "PT30M"));
    }
}
