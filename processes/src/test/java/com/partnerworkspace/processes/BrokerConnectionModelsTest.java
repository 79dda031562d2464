package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker connection models parse, deploy, and say how each of their jobs is retried. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "processes/partner-onboarding.bpmn",
            "processes/credential-rotation.bpmn",
            "processes/credential-revocation.bpmn",
            "processes/credential-rotation-schedule.bpmn"
        })
class BrokerConnectionModelsTest {

    @Test
    void theFourModelsDeployAsExecutableProcessesWithAHistoryTimeToLive() {
        assertThat(repositoryService().createProcessDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isNotNull())
                .extracting(ProcessDefinition::getKey)
                .containsExactlyInAnyOrder(
                        "partner-onboarding",
                        "credential-rotation",
                        "credential-revocation",
                        "credential-rotation-schedule");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "partner-onboarding",
                "credential-rotation",
                "credential-revocation",
                "credential-rotation-schedule"
            })
    void everyAsynchronousServiceTaskDeclaresHowItsJobIsRetried(String processId) throws IOException {
        BpmnModelInstance model = read(processId);
        Bpmn.validateModel(model);

        Map<String, String> retryCycles = new LinkedHashMap<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.isCamundaAsyncBefore()) {
                retryCycles.put(task.getId(), retryCycleOf(task));
            }
        }

        assertThat(retryCycles)
                .allSatisfy((taskId, cycle) -> assertThat(cycle)
                        .as("failedJobRetryTimeCycle of %s", taskId)
                        .isNotNull()
                        .matches("R\\d+/P(T?\\d+[DHMS])+"));
    }

    @Test
    void theRetryCyclesThePathTestsRelyOnAreRead() throws IOException {
        assertThat(retryCycleOf(read("partner-onboarding"), "Task_VerifyConnection"))
                .isEqualTo("R3/PT10S");
        assertThat(retryCycleOf(read("credential-rotation"), "Task_WriteNewVersion"))
                .isEqualTo("R3/PT10S");
        assertThat(retryCycleOf(read("credential-revocation"), "Task_RevokeAtBroker"))
                .isEqualTo("R3/PT10S");
    }

    private static BpmnModelInstance read(String processId) throws IOException {
        try (InputStream bpmn = BrokerConnectionModelsTest.class
                .getClassLoader()
                .getResourceAsStream("processes/" + processId + ".bpmn")) {
            assertThat(bpmn).as("processes/%s.bpmn on the classpath", processId).isNotNull();
            return Bpmn.readModelFromStream(bpmn);
        }
    }

    private static String retryCycleOf(BpmnModelInstance model, String taskId) {
        return retryCycleOf(model.<ServiceTask>getModelElementById(taskId));
    }

    /** The task's {@code camunda:failedJobRetryTimeCycle}, or null when it declares none. */
    private static String retryCycleOf(ServiceTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
                .map(cycle -> cycle.getTextContent().trim())
                .findFirst()
                .orElse(null);
    }
}
