package com.partnerworkspace.processes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records which flow nodes and sequence flows of each process the process tests ran through: every
 * deployed activity gets a start listener and every transition a take listener, which note the element's
 * id under its process key (plugged into the test engine by {@code camunda.cfg.xml}). Read by
 * {@link ProcessCoverageGateTest} after every other process test has run.
 */
public class FlowCoverage extends AbstractBpmnParseListener {

    private static final Map<String, Set<String>> PASSED = new ConcurrentHashMap<>();

    /** The ids of the elements of process {@code processKey} that some test ran through. */
    static Set<String> passed(String processKey) {
        return Set.copyOf(PASSED.getOrDefault(processKey, Set.of()));
    }

    static boolean anyPassed() {
        return !PASSED.isEmpty();
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
}
