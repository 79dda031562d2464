package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in this folder (found by listing it, so a new one is covered without editing this test)
 * parses, deploys with a history time to live, and writes each job retry cycle in a form the engine reads.
 */
@ExtendWith(ProcessEngineExtension.class)
class EveryModelDeploysTest {

    /** R3/PT10S, R5/PT1M, ... or an expression the engine resolves per instance, e.g. ${deliveryRetryCycle}. */
    private static final String RETRY_CYCLE = "R\\d+/P(T?\\d+[DHMS])+|\\$\\{\\w+}";

    static Stream<Named<Path>> models() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> models = files.filter(file ->
                            file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
                    .sorted()
                    .toList();
            assertThat(models).as("models in %s", folder.toAbsolutePath()).isNotEmpty();
            return models.stream().map(model -> Named.of(model.getFileName().toString(), model));
        }
    }

    static Stream<Named<Path>> processModels() throws IOException {
        return models().filter(model -> model.getName().endsWith(".bpmn"));
    }

    @Test
    void everyModelIsFound() throws IOException {
        assertThat(models().map(Named::getName))
                .contains("partner-onboarding.bpmn", "alert-escalation.bpmn", "delegation-policy.dmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void deploysWithAHistoryTimeToLive(Path model) throws IOException {
        Deployment deployment;
        try (InputStream content = Files.newInputStream(model)) {
            deployment = repositoryService()
                    .createDeployment()
                    .addInputStream(model.getFileName().toString(), content)
                    .deploy();
        }
        try {
            List<ProcessDefinition> processes = repositoryService()
                    .createProcessDefinitionQuery()
                    .deploymentId(deployment.getId())
                    .list();
            List<DecisionDefinition> decisions = repositoryService()
                    .createDecisionDefinitionQuery()
                    .deploymentId(deployment.getId())
                    .list();

            assertThat(processes.size() + decisions.size())
                    .as("definitions deployed from %s", model.getFileName())
                    .isPositive();
            assertThat(processes)
                    .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                            .as("historyTimeToLive of %s", definition.getKey())
                            .isNotNull());
            assertThat(decisions)
                    .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                            .as("historyTimeToLive of %s", definition.getKey())
                            .isNotNull());
        } finally {
            repositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void isAValidModel(Path model) {
        if (model.toString().endsWith(".bpmn")) {
            Bpmn.validateModel(Bpmn.readModelFromFile(model.toFile()));
        } else {
            Dmn.validateModel(Dmn.readModelFromFile(model.toFile()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyRetryCycleIsOneTheEngineReads(Path model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());

        assertThat(retryCyclesOf(bpmn))
                .allSatisfy((elementId, cycle) -> assertThat(cycle)
                        .as("failedJobRetryTimeCycle of %s in %s", elementId, model.getFileName())
                        .matches(RETRY_CYCLE));
    }

    @Test
    void theRetryCyclesThePathTestsRelyOnAreRead() {
        assertThat(retryCyclesOf(read("partner-onboarding"))).containsEntry("Task_VerifyConnection", "R3/PT10S");
        assertThat(retryCyclesOf(read("credential-rotation"))).containsEntry("Task_WriteNewVersion", "R3/PT10S");
        assertThat(retryCyclesOf(read("credential-revocation"))).containsEntry("Task_RevokeAtBroker", "R3/PT10S");
    }

    private static BpmnModelInstance read(String processId) {
        return Bpmn.readModelFromFile(
                Path.of(System.getProperty("basedir", "."), processId + ".bpmn").toFile());
    }

    /** Each {@code camunda:failedJobRetryTimeCycle} of the model, by the id of the element that declares it. */
    private static Map<String, String> retryCyclesOf(BpmnModelInstance model) {
        return model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class).stream()
                .collect(Collectors.toMap(
                        cycle -> ownerOf(cycle).getId(),
                        cycle -> cycle.getTextContent().trim(),
                        (a, b) -> a));
    }

    private static BaseElement ownerOf(ModelElementInstance element) {
        ModelElementInstance owner = element.getParentElement();
        while (!(owner instanceof BaseElement)) {
            owner = owner.getParentElement();
        }
        return (BaseElement) owner;
    }
}
