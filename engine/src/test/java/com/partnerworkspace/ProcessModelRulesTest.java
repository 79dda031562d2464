package com.partnerworkspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The rules every model in {@code processes/} keeps (found by listing the folder, so a new model is
 * checked without editing this test): delegates are beans of this engine, asynchronous calls say how they
 * are retried, history is kept for a bounded time, ids and names read as the domain (no modeler
 * placeholders such as {@code Activity_0x1y2z3} or {@code Task_1}), decisions and messages exist.
 */
@EngineTest
class ProcessModelRulesTest {

    private static final Path REPO = Path.of(System.getProperty("workspace.repo-dir", ".."));
    private static final Path PROCESSES = REPO.resolve("processes");
    private static final Path ENGINE_SOURCES = REPO.resolve("engine/src/main/java");

    /** {@code Task_ApproveDelegation}, {@code Gateway_WaitForAcknowledgement}: a kind, then words. */
    private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired
    ApplicationContext context;

    static Stream<Named<Path>> processModels() {
        return modelsEndingWith(".bpmn")
                .map(model -> Named.of(model.getFileName().toString(), model));
    }

    static Stream<Named<Path>> decisionModels() {
        return modelsEndingWith(".dmn")
                .map(model -> Named.of(model.getFileName().toString(), model));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyDelegateExpressionNamesABeanOfTheRightKind(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkBean(task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class, violations);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkBean(task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class, violations);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            checkBean(task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class, violations);
        }
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            checkBean(ownerId(message), message.getCamundaDelegateExpression(), JavaDelegate.class, violations);
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkBean(ownerId(listener), listener.getCamundaDelegateExpression(), ExecutionListener.class, violations);
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            checkBean(ownerId(listener), listener.getCamundaDelegateExpression(), TaskListener.class, violations);
        }

        assertThat(violations).as("delegates of %s", file.getFileName()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyAsynchronousCallSaysHowItIsRetried(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        List<String> withoutRetryCycle = model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> callsADelegate(node) && isAsynchronous(node) && !declaresRetryCycle(node))
                .map(BaseElement::getId)
                .toList();

        assertThat(withoutRetryCycle)
                .as("asynchronous calls in %s without camunda:failedJobRetryTimeCycle", file.getFileName())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processModels")
    void everyProcessIsNamedAfterItsFileAndKeepsHistoryForABoundedTime(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);

        assertThat(processes).as("processes in %s", file.getFileName()).hasSize(1);
        for (Process process : processes) {
            assertThat(process.getId())
                    .as("process id in %s", file.getFileName())
                    .isEqualTo(baseName(file));
            assertThat(process.getName()).as("name of %s", process.getId()).isNotBlank();
            assertThat(process.getCamundaHistoryTimeToLiveString())
                    .as("camunda:historyTimeToLive of %s", process.getId())
                    .isNotBlank();
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
    void everyDecisionReferencedExistsInProcesses(Path file) {
        Set<String> decisions = modelsEndingWith(".dmn")
                .flatMap(dmn -> Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class).stream())
                .map(Decision::getId)
                .collect(Collectors.toSet());
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        List<String> unknown = model.getModelElementsByType(BusinessRuleTask.class).stream()
                .filter(task ->
                        task.getCamundaDecisionRef() != null && !decisions.contains(task.getCamundaDecisionRef()))
                .map(task -> task.getId() + ": decisionRef " + task.getCamundaDecisionRef())
                .toList();

        assertThat(unknown)
                .as("decisions %s refers to that no model in processes/ defines", file.getFileName())
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

    private void checkBean(String elementId, String expression, Class<?> kind, List<String> violations) {
        if (expression == null) {
            return;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(expression.trim());
        if (!bean.matches()) {
            violations.add(elementId + ": delegateExpression " + expression + " should be ${beanName}");
        } else if (!context.containsBean(bean.group(1))) {
            violations.add(elementId + ": no bean named " + bean.group(1));
        } else if (!context.isTypeMatch(bean.group(1), kind)) {
            violations.add(elementId + ": bean " + bean.group(1) + " is not a " + kind.getSimpleName());
        }
    }

    private static boolean declaresRetryCycle(FlowNode node) {
        ExtensionElements extensions = node.getExtensionElements();
        return extensions != null
                && !extensions
                        .getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .list()
                        .isEmpty();
    }

    private static boolean isAsynchronous(FlowNode node) {
        return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
    }

    /** Tasks and throw events that run code of this engine: the calls that reach other systems. */
    private static boolean callsADelegate(FlowNode node) {
        if (node instanceof ServiceTask task) {
            return hasAny(task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression());
        }
        if (node instanceof SendTask task) {
            return hasAny(task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression());
        }
        if (node instanceof ThrowEvent event) {
            return event.getEventDefinitions().stream()
                    .filter(MessageEventDefinition.class::isInstance)
                    .map(MessageEventDefinition.class::cast)
                    .anyMatch(message -> hasAny(
                            message.getCamundaDelegateExpression(),
                            message.getCamundaClass(),
                            message.getCamundaExpression()));
        }
        return false;
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

    private static String ownerId(ModelElementInstance element) {
        var owner = element.getParentElement();
        while (!(owner instanceof FlowElement) && !(owner instanceof Process)) {
            owner = owner.getParentElement();
        }
        return ((BaseElement) owner).getId();
    }

    private static boolean hasAny(String... values) {
        return Stream.of(values).anyMatch(value -> !isBlank(value));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static Stream<Path> modelsEndingWith(String extension) {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> models = files.filter(file -> file.toString().endsWith(extension))
                    .sorted()
                    .toList();
            assertThat(models).as("%s models in %s", extension, PROCESSES).isNotEmpty();
            return models.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String engineSources() {
        try (Stream<Path> files = Files.walk(ENGINE_SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(ProcessModelRulesTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
