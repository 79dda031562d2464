package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Shared check that the engine deployed processes/ and can run a process to its end on its database. */
final class ProcessDeployment {

    private ProcessDeployment() {}

    static void assertReadinessProcessRuns(ProcessEngine engine) {
        var instance = engine.getRuntimeService().startProcessInstanceByKey("workspace-readiness");
        var task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmWorkspaceReady");

        engine.getTaskService().complete(task.getId(), Map.of("ready", true));

        var finished = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(finished.getEndActivityId()).isEqualTo("Event_WorkspaceReady");
    }
}
