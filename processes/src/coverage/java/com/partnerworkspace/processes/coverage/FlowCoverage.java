package com.partnerworkspace.processes.coverage;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Records which flow nodes and sequence flows of each process the process tests ran through: every
 * deployed activity gets a start listener and every transition a take listener, which note the element's
 * id under its process key. Plugged into a test engine as a post-BPMN parse listener ({@code camunda.cfg.xml}
 * in {@code processes}, the in-memory engine of the engine module's process tests); this folder is a test
 * source of both modules. {@link #coverageOf} compares what ran with a model.
 */
public class FlowCoverage extends AbstractBpmnParseListener {

    private static final Map<String, Set<String>> PASSED = new ConcurrentHashMap<>();

    /** The flow nodes and sequence flows of one process, and those no test ran through. */
    public record Coverage(String process, Set<String> elements, Set<String> missed) {

        public int covered() {
            return elements.size() - missed.size();
        }

        public double share() {
            return elements.isEmpty() ? 1 : (double) covered() / elements.size();
        }

        public String line() {
            return String.format(
                    "  %-30s %3d/%3d  %5.1f%%%s",
                    process,
                    covered(),
                    elements.size(),
                    100 * share(),
                    missed.isEmpty() ? "" : "  missed: " + String.join(", ", missed));
        }
    }

    /** The ids of the elements of process {@code processKey} that some test ran through. */
    public static Set<String> passed(String processKey) {
        return Set.copyOf(PASSED.getOrDefault(processKey, Set.of()));
    }

    public static boolean anyPassed() {
        return !PASSED.isEmpty();
    }

    public static Coverage coverageOf(BpmnModelInstance bpmn, Process process) {
        Set<String> elements = new TreeSet<>();
        for (FlowElement element : bpmn.getModelElementsByType(FlowElement.class)) {
            if ((element instanceof FlowNode || element instanceof SequenceFlow) && processOf(element) == process) {
                elements.add(element.getId());
            }
        }
        Set<String> passed = passed(process.getId());
        Set<String> missed = new TreeSet<>(elements);
        missed.removeIf(id -> passed.contains(id) || isTakenByItsEvent(bpmn.getModelElementById(id), passed));
        return new Coverage(process.getId(), elements, missed);
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        record(processDefinition.getKey(), processDefinition);
    }

    private static void record(String processKey, ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            activity.addListener(ExecutionListener.EVENTNAME_START, passing(processKey, activity.getId()));
            for (var outgoing : activity.getOutgoingTransitions()) {
                TransitionImpl flow = (TransitionImpl) outgoing;
                flow.addListener(ExecutionListener.EVENTNAME_TAKE, passing(processKey, flow.getId()));
            }
            record(processKey, activity);
        }
    }

    private static ExecutionListener passing(String processKey, String elementId) {
        return execution -> PASSED.computeIfAbsent(processKey, key -> ConcurrentHashMap.newKeySet())
                .add(elementId);
    }

    /**
     * Camunda 7 takes no sequence flow out of an event-based gateway: the event that fires is entered
     * directly. Such a flow counts as run when its event was.
     */
    private static boolean isTakenByItsEvent(ModelElementInstance element, Set<String> passed) {
        return element instanceof SequenceFlow flow
                && flow.getSource() instanceof EventBasedGateway
                && passed.contains(flow.getTarget().getId());
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
