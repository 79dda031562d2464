package com.partnerworkspace.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules every model in {@code processes/} keeps (found by listing the folder, so a new model is
 * checked without editing this test): first what any deploy checks ({@link ModelRules}, the same rules the
 * browser editor lints with), then what the release asks beyond that: one process per file, named after
 * it; ids and names that read as the domain (no modeler placeholders such as {@code Activity_0x1y2z3} or
 * {@code Task_1}); every message waited for is one the engine's code correlates.
 */
@EngineTest
class ProcessModelRulesTest {

    private static final Path PROCESSES = RepoFiles.path("processes");
    private static final Path ENGINE_SOURCES = RepoFiles.path("engine/src/main/java");

    /** {@code Task_ApproveDelegation}, {@code Gateway_WaitForAcknowledgement}: a kind, then words. */
    private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired
    ModelValidator validator;

    static Stream<Named<Path>> processModels() {
        return modelsEndingWith(".bpmn")
                .map(model -> Named.of(model.getFileName().toString(), model));
    }

    static Stream<Named<Path>> everyModel() {
        return Stream.of(".bpmn", ".dmn", ".form")
                .flatMap(ProcessModelRulesTest::modelsEndingWith)
                .map(model -> Named.of(model.getFileName().toString(), model));
    }

    static Stream<Named<Path>> decisionModels() {
        return modelsEndingWith(".dmn")
                .map(model -> Named.of(model.getFileName().toString(), model));
    }

    /**
     * What a deploy from the browser checks ({@link ModelValidator}: the engine's own parser and {@link
     * ModelRules}, the decision's test cases) holds for every model as released: its delegates are beans
     * of the right kind, asynchronous calls say how they are retried, history is kept for a bounded time,
     * decisions and forms it names exist, no placeholder is left.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyModel")
    void everyModelPassesTheChecksADeployRuns(Path file) {
        String name = file.getFileName().toString();

        List<ModelProblem> problems =
                validator.validate(baseName(file), ModelType.ofResource(name), RepoFiles.read(file), null);

        assertThat(problems).as("what a deploy of %s would refuse", name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyProcessIsNamedAfterItsFile(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);

        assertThat(processes).as("processes in %s", file.getFileName()).hasSize(1);
        for (Process process : processes) {
            assertThat(process.getId())
                    .as("process id in %s", file.getFileName())
                    .isEqualTo(baseName(file));
            assertThat(process.getName()).as("name of %s", process.getId()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyElementReadsAsTheDomain(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String expectedKind = kindOf(element);
            if (!MEANINGFUL_ID.matcher(element.getId()).matches()
                    || !element.getId().startsWith(expectedKind + "_")) {
                violations.add(element.getId() + ": id should read " + expectedKind + "_<WhatItDoes>");
            }
            if (element instanceof FlowNode node && needsAName(node) && isBlank(node.getName())) {
                violations.add(element.getId() + ": has no name");
            }
        }

        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            boolean checkedAbove = element instanceof FlowElement || element instanceof Process;
            if (!checkedAbove
                    && element.getId() != null
                    && !MEANINGFUL_ID.matcher(element.getId()).matches()) {
                violations.add(element.getId() + ": id should read Kind_<WhatItIs>");
            }
        }

        assertThat(violations)
                .as("placeholder elements in %s", file.getFileName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyMessageWaitedForIsCorrelatedByTheEngine(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String engineSources = engineSources();
        List<String> neverSent = new ArrayList<>();

        for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
            for (MessageEventDefinition definition : event.getChildElementsByType(MessageEventDefinition.class)) {
                checkCorrelated(event.getId(), definition.getMessage(), engineSources, neverSent);
            }
        }
        for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
            checkCorrelated(task.getId(), task.getMessage(), engineSources, neverSent);
        }

        assertThat(neverSent)
                .as("messages %s waits for that no engine source names", file.getFileName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionModels")
    void everyDecisionIsNamedAfterItsFileAndReadsAsTheDomain(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!decision.getId().equals(baseName(file))) {
                violations.add(decision.getId() + ": decision id should be the file name " + baseName(file));
            }
            if (isBlank(decision.getName())) {
                violations.add(decision.getId() + ": has no name");
            }
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                violations.add(decision.getId() + ": has no camunda:historyTimeToLive");
            }
        }
        for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
            if (element instanceof Decision || element.getId() == null) {
                continue;
            }
            if (!MEANINGFUL_ID.matcher(element.getId()).matches()) {
                violations.add(element.getId() + ": id should read Kind_<WhatItMeans>");
            }
        }

        assertThat(violations).as("decisions in %s", file.getFileName()).isEmpty();
    }

    private static void checkCorrelated(
            String elementId, Message message, String engineSources, List<String> neverSent) {
        if (message == null || isBlank(message.getName())) {
            neverSent.add(elementId + ": waits for a message without a name");
        } else if (!engineSources.contains('"' + message.getName() + '"')) {
            neverSent.add(elementId + ": message " + message.getName());
        }
    }

    /**
     * Tasks, events and sub-processes always carry a name; so do gateways that decide something. A gateway
     * that only joins flows, or a parallel split, reads by its flows and stays unnamed (Camunda's modelling
     * convention, and this project's).
     */
    private static boolean needsAName(FlowNode node) {
        if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway || node instanceof EventBasedGateway) {
            return node.getOutgoing().size() > 1;
        }
        return !(node instanceof Gateway);
    }

    private static String kindOf(FlowElement element) {
        if (element instanceof SubProcess) {
            return "SubProcess";
        }
        if (element instanceof Task || element instanceof Activity) {
            return "Task";
        }
        if (element instanceof Event) {
            return "Event";
        }
        if (element instanceof Gateway) {
            return "Gateway";
        }
        if (element instanceof SequenceFlow) {
            return "Flow";
        }
        return element.getElementType().getTypeName();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static Stream<Path> modelsEndingWith(String extension) {
        List<Path> models = RepoFiles.in(PROCESSES, extension);
        assertThat(models).as("%s models in %s", extension, PROCESSES).isNotEmpty();
        return models.stream();
    }

    private static String engineSources() {
        return RepoFiles.under(ENGINE_SOURCES, ".java").stream()
                .map(RepoFiles::read)
                .collect(Collectors.joining("\n"));
    }
}
