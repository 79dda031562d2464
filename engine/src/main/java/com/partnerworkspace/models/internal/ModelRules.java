package com.partnerworkspace.models.internal;

import com.partnerworkspace.models.internal.ModelReferences.BeanKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
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
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The Camunda 7 rules a process model keeps before it may run here, beyond what the engine's parser checks:
 * every delegate, decision, form and message it names is one this engine knows; history is kept for a
 * bounded time; asynchronous calls say how they are retried; no placeholder left by the modeler (an untyped
 * task, an unnamed step, a TODO). The browser editor's lint (ui/bpmnlint-plugin-workspace) states the same
 * rules, with the same names, for as-you-type feedback.
 */
@Component
class ModelRules {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

    private final ModelReferences references;

    ModelRules(ModelReferences references) {
        this.references = references;
    }

    List<ModelProblem> checkProcess(String key, BpmnModelInstance model) {
        List<ModelProblem> problems = new ArrayList<>();
        checkProcessKeyAndHistory(key, model, problems);
        checkBeans(model, problems);
        checkDecisionsAndForms(model, problems);
        checkMessages(model, problems);
        checkRetries(model, problems);
        checkPlaceholders(model, problems);
        return problems;
    }

    private static void checkProcessKeyAndHistory(String key, BpmnModelInstance model, List<ModelProblem> problems) {
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        if (processes.stream().noneMatch(process -> key.equals(process.getId()))) {
            problems.add(ModelProblem.whole("model-key", "The model must define a process with the id " + key + "."));
        }
        for (Process process : processes) {
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(ModelProblem.of(
                        process.getId(), "history-time-to-live", "Set how long the process's history is kept."));
            }
        }
    }

    private void checkBeans(BpmnModelInstance model, List<ModelProblem> problems) {
        Set<String> delegates = references.beansOf(BeanKind.task);
        Stream.of(ServiceTask.class, SendTask.class, BusinessRuleTask.class)
                .flatMap(type -> model.getModelElementsByType(type).stream())
                .forEach(task -> checkBean(task.getId(), delegateOf(task), delegates, "a JavaDelegate", problems));
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            checkBean(ownerId(message), message.getCamundaDelegateExpression(), delegates, "a JavaDelegate", problems);
        }
        Set<String> executionListeners = references.beansOf(BeanKind.executionListener);
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkBean(
                    ownerId(listener),
                    listener.getCamundaDelegateExpression(),
                    executionListeners,
                    "an ExecutionListener",
                    problems);
        }
        Set<String> taskListeners = references.beansOf(BeanKind.taskListener);
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            checkBean(
                    ownerId(listener),
                    listener.getCamundaDelegateExpression(),
                    taskListeners,
                    "a TaskListener",
                    problems);
        }
    }

    private static void checkBean(
            String element, String expression, Set<String> beans, String kind, List<ModelProblem> problems) {
        if (expression == null) {
            return;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(expression.trim());
        if (!bean.matches()) {
            problems.add(ModelProblem.of(
                    element, "known-bean", "The delegate expression " + expression + " should read ${beanName}."));
        } else if (!beans.contains(bean.group(1))) {
            problems.add(ModelProblem.of(
                    element, "known-bean", "This engine has no " + kind + " bean named " + bean.group(1) + "."));
        }
    }

    private void checkDecisionsAndForms(BpmnModelInstance model, List<ModelProblem> problems) {
        Set<String> decisions = references.decisions();
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String decision = task.getCamundaDecisionRef();
            if (decision != null && !decision.contains("${") && !decisions.contains(decision)) {
                problems.add(ModelProblem.of(
                        task.getId(), "known-decision", "No decision " + decision + " is deployed in this engine."));
            }
        }
        Set<String> forms = references.forms();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String form = task.getCamundaFormRef();
            if (form != null && !form.contains("${") && !forms.contains(form)) {
                problems.add(ModelProblem.of(
                        task.getId(), "known-form", "No form " + form + " is deployed in this engine."));
            }
        }
    }

    private void checkMessages(BpmnModelInstance model, List<ModelProblem> problems) {
        Set<String> known = references.messages();
        for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
            for (MessageEventDefinition definition : event.getChildElementsByType(MessageEventDefinition.class)) {
                checkMessage(event.getId(), definition.getMessage(), known, problems);
            }
        }
        for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
            checkMessage(task.getId(), task.getMessage(), known, problems);
        }
    }

    private static void checkMessage(String element, Message message, Set<String> known, List<ModelProblem> problems) {
        if (message == null || isBlank(message.getName())) {
            problems.add(ModelProblem.of(element, "known-message", "It waits for a message without a name."));
        } else if (!known.contains(message.getName())) {
            problems.add(ModelProblem.of(
                    element,
                    "known-message",
                    "Nothing in this engine sends the message " + message.getName() + ": it would wait forever."));
        }
    }

    private static void checkRetries(BpmnModelInstance model, List<ModelProblem> problems) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (callsCode(node) && (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) && !retries(node)) {
                problems.add(ModelProblem.of(
                        node.getId(),
                        "retry-cycle",
                        "An asynchronous call needs a retry cycle (camunda:failedJobRetryTimeCycle, e.g. R3/PT30S)."));
            }
        }
    }

    private static void checkPlaceholders(BpmnModelInstance model, List<ModelProblem> problems) {
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if ("task".equals(element.getElementType().getTypeName())) {
                problems.add(ModelProblem.of(
                        element.getId(), "no-placeholder", "Say what kind of task this is (user, service, ...)."));
            }
            if (element instanceof FlowNode node && needsAName(node) && isBlank(node.getName())) {
                problems.add(ModelProblem.of(element.getId(), "no-placeholder", "Name this step."));
            }
            if (element.getName() != null && element.getName().toUpperCase().contains("TODO")) {
                problems.add(ModelProblem.of(element.getId(), "no-placeholder", "Finish the TODO in its name."));
            }
        }
    }

    private static boolean needsAName(FlowNode node) {
        if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway || node instanceof EventBasedGateway) {
            return node.getOutgoing().size() > 1;
        }
        return !(node instanceof Gateway);
    }

    private static String delegateOf(BaseElement task) {
        if (task instanceof ServiceTask service) {
            return service.getCamundaDelegateExpression();
        }
        if (task instanceof SendTask send) {
            return send.getCamundaDelegateExpression();
        }
        return ((BusinessRuleTask) task).getCamundaDelegateExpression();
    }

    private static boolean callsCode(FlowNode node) {
        if (node instanceof ServiceTask task) {
            return any(task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression());
        }
        if (node instanceof SendTask task) {
            return any(task.getCamundaDelegateExpression(), task.getCamundaClass(), task.getCamundaExpression());
        }
        if (node instanceof ThrowEvent event) {
            return event.getEventDefinitions().stream()
                    .filter(MessageEventDefinition.class::isInstance)
                    .map(MessageEventDefinition.class::cast)
                    .anyMatch(
                            m -> any(m.getCamundaDelegateExpression(), m.getCamundaClass(), m.getCamundaExpression()));
        }
        return false;
    }

    private static boolean retries(FlowNode node) {
        return node.getExtensionElements() != null
                && !node.getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .list()
                        .isEmpty();
    }

    private static String ownerId(ModelElementInstance element) {
        ModelElementInstance owner = element.getParentElement();
        while (!(owner instanceof FlowElement) && !(owner instanceof Process)) {
            owner = owner.getParentElement();
        }
        return ((BaseElement) owner).getId();
    }

    private static boolean any(String... values) {
        return Stream.of(values).anyMatch(value -> !isBlank(value));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
