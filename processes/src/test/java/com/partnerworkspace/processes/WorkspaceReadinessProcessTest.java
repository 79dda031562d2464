package com.partnerworkspace.processes;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/workspace-readiness.bpmn")
class WorkspaceReadinessProcessTest {

    @Test
    void opsConfirmsTheWorkspaceIsReady() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("workspace-readiness");

        assertThat(instance).isWaitingAt("Task_ConfirmWorkspaceReady");
        assertThat(task()).hasCandidateGroup("ops");
        complete(task(), withVariables("ready", true));

        assertThat(instance).hasPassed("Event_WorkspaceReady").isEnded();
    }

    @Test
    void opsReportsTheWorkspaceIsNotReady() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("workspace-readiness");

        assertThat(instance).isWaitingAt("Task_ConfirmWorkspaceReady");
        complete(task(), withVariables("ready", false));

        assertThat(instance).hasPassed("Event_WorkspaceNotReady").isEnded();
    }
}
