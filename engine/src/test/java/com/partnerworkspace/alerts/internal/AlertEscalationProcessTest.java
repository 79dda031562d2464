package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.partnerworkspace.processes.coverage.FlowCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of alert-escalation with the real delegates of {@link AlertProcessSteps} and the real
 * alert-routing table, on an in-memory engine without Spring. Only the steps' effects are stubbed (what a
 * notification found, what it sent); the tier of each level is {@link EscalationSteps#tier}'s, so the
 * routed channels below change when that formula does.
 */
@Deployment(resources = {"processes/alert-escalation.bpmn", "processes/alert-routing.dmn"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertEscalationProcessTest {

    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension EXTENSION =
            ProcessEngineExtension.builder().useProcessEngine(inMemoryEngine());

    /** Set by the extension. */
    ProcessEngine engine;

    /** level:channels for each notification, and the other steps by name. */
    private final List<String> calls = new ArrayList<>();

    private boolean stillOpen = true;
    private boolean inQuietHours = false;
    /** Notifications left that find the alert silenced (for that long). */
    private int silencedNotifications = 0;

    /** The real steps' decisions, with the effects (database, channels) replaced by what each test sets. */
    private final EscalationSteps steps = new EscalationSteps(null, null, null, null, null, null) {
        @Override
        boolean inQuietHours(String partner) {
            return inQuietHours;
        }

        @Override
        Notified notifyLevel(String alertId, int level, String channels) {
            if (!stillOpen) {
                return Notified.CLOSED;
            }
            if (silencedNotifications > 0) {
                silencedNotifications--;
                calls.add("silenced " + level);
                return new Notified(true, true, Duration.ofHours(2));
            }
            calls.add("notify " + level + ":" + channels);
            return new Notified(true, false, Duration.ofMinutes(critical ? 5 : 30));
        }

        @Override
        int escalate(String alertId, int level) {
            calls.add("escalate");
            return level + 1;
        }

        @Override
        void handToOps(String alertId, int maxLevel) {
            calls.add("handToOps");
        }
    };

    private boolean critical;

    @BeforeEach
    void realDelegates() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(START));
        AlertProcessSteps delegates = new AlertProcessSteps();
        Mocks.register("prepareRouting", delegates.prepareRouting(steps));
        Mocks.register("notifyAlertLevel", delegates.notifyAlertLevel(steps));
        Mocks.register("escalateAlert", delegates.escalateAlert(steps));
        Mocks.register("handAlertToOps", delegates.handAlertToOps(steps));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void levelsAlternateBetweenTheTeamTierAndTheBackupTier() {
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(EscalationSteps::tier).toList())
                .containsExactly(1, 2, 1, 2, 1);
    }

    @Test
    void aPartnerWhoNeverChoseHearsOnTheirPersonasChannelsButNeverOnNone() {
        assertThat(EscalationSteps.narrowed("email,slack,sms", List.of("email", "sms")))
                .isEqualTo("email,sms");
        assertThat(EscalationSteps.narrowed("email,slack", List.of("email", "sms")))
                .isEqualTo("email");
        assertThat(EscalationSteps.narrowed("slack", List.of("email")))
                .as("a routing the persona has no channel of keeps what it routed")
                .isEqualTo("slack");
        assertThat(EscalationSteps.narrowed("email,slack", List.of())).isEqualTo("email,slack");
    }

    @Test
    void aCriticalAlertGoesOutEverywhereAndEndsOnAcknowledgement() {
        ProcessInstance instance = raise("CRITICAL");

        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(5))));

        correlate("AlertAcknowledged", instance);

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
        correlate("AlertAcknowledged", instance);

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

        correlate("AlertSilenceLifted", instance);
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Gateway_WaitForAcknowledgement").hasPassed("Event_SilenceLifted");
        assertThat(calls).containsExactly("silenced 1", "notify 1:email,slack");
    }

    @Test
    void anAcknowledgementDuringASilenceEndsIt() {
        silencedNotifications = 1;
        ProcessInstance instance = raise("WARNING");
        execute(asyncJobOf(instance));

        correlate("AlertAcknowledged", instance);

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

        correlate("AlertResolved", instance);

        assertThat(instance).isEnded().hasPassed("Event_Resolved").hasNotPassed("Event_Acknowledged");
    }

    @Test
    void anAlertClosedWhileItsNotificationWasSentEndsWithoutWaiting() {
        stillOpen = false;
        ProcessInstance instance = raise("CRITICAL");
        execute(asyncJobOf(instance));

        assertThat(instance).isEnded().hasPassed("Event_ClosedMeanwhile");
    }

    private ProcessInstance raise(String severity) {
        return raise(severity, 2);
    }

    private ProcessInstance raise(String severity, int maxLevel) {
        critical = "CRITICAL".equals(severity);
        return runtimeService()
                .startProcessInstanceByKey(
                        Alert.PROCESS_KEY,
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

    private static void correlate(String message, ProcessInstance instance) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceId(instance.getId())
                .correlate();
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

    /** Its own in-memory database and name: the Spring engine of other tests may run in the same JVM. */
    /**
     * The coverage gate of alert-escalation (processes' gate leaves it to this class): after the paths above,
     * every flow node and sequence flow of the model has run.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyPathOfTheModelRan() {
        assertThat(FlowCoverage.anyPassed())
                .as("run the whole class: the gate needs the paths above")
                .isTrue();
        BpmnModelInstance model = Bpmn.readModelFromStream(
                getClass().getClassLoader().getResourceAsStream("processes/alert-escalation.bpmn"));
        FlowCoverage.Coverage coverage = FlowCoverage.coverageOf(model, model.getModelElementById("alert-escalation"));
        System.out.println("Process-test coverage:\n" + coverage.line());
        assertThat(coverage.missed())
                .as("elements of alert-escalation no test ran through")
                .isEmpty();
    }

    private static ProcessEngine inMemoryEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("alert-escalation-process-test");
        configuration.setJdbcUrl("jdbc:h2:mem:alert-escalation-process-test;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new FlowCoverage())));
        return configuration.buildProcessEngine();
    }
}
