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
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
    private boolean inQuietHours = false;
    /** Notifications left that find the alert silenced (for that long). */
    private int silencedNotifications = 0;

    @BeforeEach
    void stubDelegates() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("prepareRouting", (ExecutionListener) execution -> {
            execution.setVariable("tier", ((Integer) execution.getVariable("level") - 1) % 2 + 1);
            execution.setVariable("inQuietHours", inQuietHours);
        });
        Mocks.register("notifyAlertLevel", (JavaDelegate) execution -> {
            execution.setVariable("stillOpen", stillOpen);
            boolean silenced = silencedNotifications > 0;
            execution.setVariable("silenced", silenced);
            if (silenced) {
                silencedNotifications--;
                calls.add("silenced " + execution.getVariable("level"));
                execution.setVariable("waitFor", "PT2H");
                return;
            }
            calls.add("notify " + execution.getVariable("level") + ":" + execution.getVariable("channels"));
            execution.setVariable("waitFor", "CRITICAL".equals(execution.getVariable("severity")) ? "PT5M" : "PT30M");
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
        ProcessInstance instance = raise("CRITICAL");

        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(5))));

        runtimeService()
                .createMessageCorrelation("AlertAcknowledged")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Acknowledged");
        assertThat(calls).containsExactly("notify 1:email,slack,sms");
    }

    @Test
    void anUnacknowledgedWarningEscalatesToTheNextLevelThenEndsOnAcknowledgement() {
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));

        execute(timerOf(instance));
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        runtimeService()
                .createMessageCorrelation("AlertAcknowledged")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Acknowledged").hasNotPassed("Task_HandToOps");
        assertThat(calls).containsExactly("notify 1:email,slack", "escalate", "notify 2:email,slack,sms");
    }

    @Test
    void quietHoursKeepAWarningToEmailUntilItEscalates() {
        inQuietHours = true;
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));
        execute(timerOf(instance));
        execute(asyncJobOf(instance));

        assertThat(calls).containsExactly("notify 1:email", "escalate", "notify 2:email,slack,sms");
    }

    @Test
    void aSilencedAlertWaitsForTheSilenceToEndThenIsNotifiedAtTheSameLevel() {
        silencedNotifications = 1;
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofHours(2))));

        execute(timerOf(instance));
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(30))));

        assertThat(calls).containsExactly("silenced 1", "notify 1:email,slack");
        assertThat(instance).hasPassed("Gateway_WasSilenced").hasNotPassed("Task_Escalate");
    }

    @Test
    void aSilenceLiftedEarlyNotifiesTheLevelAtOnce() {
        silencedNotifications = 1;
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));

        runtimeService()
                .createMessageCorrelation("AlertSilenceLifted")
                .processInstanceId(instance.getId())
                .correlate();
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement").hasPassed("Event_SilenceLifted");
        assertThat(calls).containsExactly("silenced 1", "notify 1:email,slack");
    }

    @Test
    void anAcknowledgementDuringASilenceEndsIt() {
        silencedNotifications = 1;
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));

        runtimeService()
                .createMessageCorrelation("AlertAcknowledged")
                .processInstanceId(instance.getId())
                .correlate();

        assertThat(instance).isEnded().hasPassed("Event_Acknowledged");
        assertThat(calls).containsExactly("silenced 1");
    }

    @Test
    void theLevelsRepeatAsThePolicySaysBeforeOperations() {
        ProcessInstance instance = raise("WARNING", 4);
        for (int level = 1; level <= 4; level++) {
            execute(asyncJobOf(instance));
            execute(timerOf(instance));
        }

        assertThat(instance).isWaitingAt("Task_HandleUnacknowledgedAlert");
        assertThat(calls)
                .containsExactly(
                        "notify 1:email,slack",
                        "escalate",
                        "notify 2:email,slack,sms",
                        "escalate",
                        "notify 3:email,slack",
                        "escalate",
                        "notify 4:email,slack,sms",
                        "handToOps");
    }

    @Test
    void nobodyAcknowledgingHandsTheAlertToOperationsInTheInbox() {
        ProcessInstance instance = raise("INFO");
        execute(asyncJobOf(instance));
        execute(timerOf(instance));
        execute(asyncJobOf(instance));
        execute(timerOf(instance));

        assertThat(instance).isWaitingAt("Task_HandleUnacknowledgedAlert");
        assertThat(task(instance)).hasCandidateGroup("ops");
        complete(task(instance), Map.of("outcome", "handled"));

        assertThat(instance).isEnded().hasPassed("Event_HandledByOps");
        assertThat(calls).containsExactly("notify 1:email", "escalate", "notify 2:email,slack,sms", "handToOps");
    }

    @Test
    void aResolvedConditionEndsTheEscalation() {
        ProcessInstance instance = raise("WARNING");
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
        ProcessInstance instance = raise("CRITICAL");
        execute(asyncJobOf(instance));

        assertThat(instance).isEnded().hasPassed("Event_ClosedMeanwhile");
    }

    private static ProcessInstance raise(String severity) {
        return raise(severity, 2);
    }

    private static ProcessInstance raise(String severity, int maxLevel) {
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
                                maxLevel,
                                "deliveryRetryCycle",
                                "PT10S,PT30S"));
    }
}
