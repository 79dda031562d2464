package com.partnerworkspace.processes;

import static com.partnerworkspace.processes.ProcessJobs.asyncJobOf;
import static com.partnerworkspace.processes.ProcessJobs.failAsyncJob;
import static com.partnerworkspace.processes.ProcessJobs.incidentsOf;
import static com.partnerworkspace.processes.ProcessJobs.runJobsUntilEnded;
import static com.partnerworkspace.processes.ProcessJobs.timerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of partner-onboarding with stubbed delegates. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/partner-onboarding.bpmn")
class PartnerOnboardingProcessTest {

    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

    /** Which delegate ran, in order, with what it was given where that matters. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void stubDelegates() {
        ClockUtil.setCurrentTime(Date.from(START));
        for (String name : List.of(
                "checkBrokerLogin",
                "verifyConnection",
                "activateConnection",
                "notifyConnectionFailed",
                "cancelOnboarding")) {
            Mocks.register(name, recording(name));
        }
        Mocks.register("storeBrokerKeys", (JavaDelegate) execution -> calls.add(
                "storeBrokerKeys:" + execution.getVariable("apiKey") + "/" + execution.getVariable("apiSecret")));
        Mocks.register("exchangeBrokerCode", (JavaDelegate) execution -> calls.add("exchangeBrokerCode:"
                + execution.getVariable("brokerCallback") + "/" + execution.getVariable("loginState") + "/"
                + execution.getVariable("codeVerifier")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aFirstConnectionStoresTheKeysAndIsActiveOnceThePartnerLogsIn() {
        ProcessInstance instance = request(false);

        assertThat(instance).isWaitingAt("Gateway_WaitForLogin");
        assertThat(calls).containsExactly("storeBrokerKeys:key-1/secret-1", "checkBrokerLogin");
        completeLogin();

        assertThat(instance).isWaitingAt("Task_VerifyConnection");
        assertThat(timerOf(instance))
                .as("the login timeout ends with the login")
                .isNull();
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_ActivateConnection");
        execute(asyncJobOf(instance));

        assertThat(instance)
                .hasPassed("Task_StoreBrokerKeys", "Event_BrokerLoginCompleted", "Event_ConnectionActive")
                .hasNotPassed("Task_NotifyConnectionFailed", "Task_CancelOnboarding")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "exchangeBrokerCode:code=abc&state=s-1/s-1/verifier-1",
                        "verifyConnection",
                        "activateConnection");
    }

    @Test
    void theKeysAndTheLoginCallbackAreNeverWrittenToTheDatabase() {
        ProcessInstance instance = request(false);
        completeLogin();
        runJobsUntilEnded(instance);

        assertThat(historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableNameIn("apiKey", "apiSecret", "brokerCallback", "loginState", "codeVerifier")
                        .count())
                .isZero();
    }

    @Test
    void aReconnectUsesTheKeysAlreadyInVault() {
        ProcessInstance instance = request(true);

        assertThat(instance).isWaitingAt("Gateway_WaitForLogin");
        completeLogin();
        runJobsUntilEnded(instance);

        assertThat(instance)
                .hasPassed("Event_ConnectionActive")
                .hasNotPassed("Task_StoreBrokerKeys")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "checkBrokerLogin",
                        "exchangeBrokerCode:code=abc&state=s-1/s-1/verifier-1",
                        "verifyConnection",
                        "activateConnection");
    }

    @Test
    void aRefusedLoginCheckAsksTheRequesterToFixTheConnectionAndThenTriesAgain() {
        Mocks.register("checkBrokerLogin", refusingOnce("checkBrokerLogin"));
        ProcessInstance instance = request(false);

        assertThat(instance)
                .hasPassed("Event_LoginCheckFailed")
                .isWaitingAt("Task_NotifyConnectionFailed", "Task_FixConnection");
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_FixConnection");
        assertThat(task()).isAssignedTo("nikhil");
        complete(task(), withVariables("decision", "retry"));

        assertThat(instance).isWaitingAt("Gateway_WaitForLogin");
        assertThat(timerOf(instance).getDuedate()).isEqualTo(at(Duration.ofMinutes(30)));
        assertThat(instance).hasNotPassed("Task_ExchangeBrokerCode");
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "notifyConnectionFailed",
                        "checkBrokerLogin");
    }

    @Test
    void aRequesterWhoGivesUpCancelsTheOnboarding() {
        Mocks.register("checkBrokerLogin", refusingOnce("checkBrokerLogin"));
        ProcessInstance instance = request(false);
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_FixConnection");

        complete(task(), withVariables("decision", "cancel"));
        assertThat(instance).isWaitingAt("Task_CancelOnboarding");
        execute(asyncJobOf(instance));

        assertThat(instance)
                .hasPassed("Event_OnboardingCancelled")
                .hasNotPassed("Event_ConnectionActive")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "notifyConnectionFailed",
                        "cancelOnboarding");
    }

    @Test
    void aRefusedCodeExchangeAsksTheRequesterToFixTheConnection() {
        Mocks.register("exchangeBrokerCode", refusingOnce("exchangeBrokerCode"));
        ProcessInstance instance = request(false);
        completeLogin();

        assertThat(instance).hasPassed("Event_ExchangeFailed").isWaitingAt("Task_NotifyConnectionFailed");
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Task_FixConnection").hasNotPassed("Task_VerifyConnection");
        assertThat(task()).isAssignedTo("nikhil");
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "exchangeBrokerCode",
                        "notifyConnectionFailed");
    }

    @Test
    void aRefusedVerificationAsksTheRequesterToFixTheConnection() {
        Mocks.register("verifyConnection", refusingOnce("verifyConnection"));
        ProcessInstance instance = request(false);
        completeLogin();
        execute(asyncJobOf(instance));

        assertThat(instance).hasPassed("Event_VerifyFailed").isWaitingAt("Task_NotifyConnectionFailed");
        execute(asyncJobOf(instance));

        assertThat(instance).isWaitingAt("Task_FixConnection").hasNotPassed("Task_ActivateConnection");
        assertThat(task()).isAssignedTo("nikhil");
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "exchangeBrokerCode:code=abc&state=s-1/s-1/verifier-1",
                        "verifyConnection",
                        "notifyConnectionFailed");
    }

    @Test
    void noLoginWithinTheLoginTimeoutCancelsTheOnboarding() {
        ProcessInstance instance = request(false);
        assertThat(instance).isWaitingAt("Gateway_WaitForLogin");

        Job loginTimeout = timerOf(instance);
        assertThat(loginTimeout.getDuedate()).isEqualTo(at(Duration.ofMinutes(30)));
        execute(loginTimeout);
        assertThat(instance).isWaitingAt("Task_CancelOnboarding");
        execute(asyncJobOf(instance));

        assertThat(instance)
                .hasPassed("Event_NotAuthorisedInTime", "Event_OnboardingCancelled")
                .hasNotPassed("Event_BrokerLoginCompleted", "Task_NotifyConnectionFailed")
                .isEnded();
        assertThat(calls).containsExactly("storeBrokerKeys:key-1/secret-1", "checkBrokerLogin", "cancelOnboarding");
    }

    @Test
    void aConnectionNotFixedWithinSevenDaysIsCancelled() {
        Mocks.register("checkBrokerLogin", refusingOnce("checkBrokerLogin"));
        ProcessInstance instance = request(false);
        execute(asyncJobOf(instance));
        assertThat(instance).isWaitingAt("Task_FixConnection");

        Job fixDeadline = timerOf(instance);
        assertThat(fixDeadline.getDuedate()).isEqualTo(at(Duration.ofDays(7)));
        execute(fixDeadline);
        assertThat(instance).isWaitingAt("Task_CancelOnboarding");
        execute(asyncJobOf(instance));

        assertThat(instance)
                .hasPassed("Event_NotFixedInTime", "Event_OnboardingCancelled")
                .hasNotPassed("Gateway_TryAgain")
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "notifyConnectionFailed",
                        "cancelOnboarding");
    }

    @Test
    void anUnreachableBrokerWhileVerifyingRetriesThenRaisesAnIncident() {
        Mocks.register("verifyConnection", (JavaDelegate) execution -> {
            calls.add("verifyConnection");
            throw new IllegalStateException("broker unreachable");
        });
        ProcessInstance instance = request(false);
        completeLogin();

        List<Job> afterEachAttempt = failAsyncJob(instance, 3, IllegalStateException.class);

        assertThat(afterEachAttempt).extracting(Job::getRetries).containsExactly(2, 1, 0);
        assertThat(afterEachAttempt.get(0).getDuedate()).isEqualTo(at(Duration.ofSeconds(10)));
        assertThat(instance).isWaitingAt("Task_VerifyConnection").hasNotPassed("Task_ActivateConnection");
        assertThat(incidentsOf(instance))
                .singleElement()
                .extracting(Incident::getActivityId, Incident::getIncidentMessage)
                .containsExactly("Task_VerifyConnection", "broker unreachable");
        assertThat(calls)
                .containsExactly(
                        "storeBrokerKeys:key-1/secret-1",
                        "checkBrokerLogin",
                        "exchangeBrokerCode:code=abc&state=s-1/s-1/verifier-1",
                        "verifyConnection",
                        "verifyConnection",
                        "verifyConnection");
    }

    /** Starts an onboarding the way the credentials feature does; a first one brings the keys, transient. */
    private static ProcessInstance request(boolean reconnect) {
        VariableMap variables = Variables.createVariables()
                .putValue("connectionId", "c-1")
                .putValue("partner", "nikhil")
                .putValue("broker", "kite")
                .putValue("requester", "nikhil")
                .putValue("reconnect", reconnect)
                .putValue("loginTimeout", "PT30M");
        if (!reconnect) {
            variables
                    .putValueTyped("apiKey", Variables.stringValue("key-1", true))
                    .putValueTyped("apiSecret", Variables.stringValue("secret-1", true));
        }
        return runtimeService().startProcessInstanceByKey("partner-onboarding", "c-1", variables);
    }

    /** The broker's redirect back, passed on transient like the callback endpoint does. */
    private static void completeLogin() {
        runtimeService()
                .createMessageCorrelation("BrokerLoginCompleted")
                .processInstanceBusinessKey("c-1")
                .setVariables(Variables.createVariables()
                        .putValueTyped("brokerCallback", Variables.stringValue("code=abc&state=s-1", true))
                        .putValueTyped("loginState", Variables.stringValue("s-1", true))
                        .putValueTyped("codeVerifier", Variables.stringValue("verifier-1", true)))
                .correlate();
    }

    private static Date at(Duration afterStart) {
        return Date.from(START.plus(afterStart));
    }

    /** Records the call; the first call is refused by the broker, later ones succeed. */
    private JavaDelegate refusingOnce(String name) {
        return execution -> {
            calls.add(name);
            if (Collections.frequency(calls, name) == 1) {
                throw new BpmnError("BrokerRefused", name + " refused by the broker");
            }
        };
    }

    private JavaDelegate recording(String name) {
        return (DelegateExecution execution) -> calls.add(name);
    }
}
