package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.inbox.TaskWork;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Shared checks of an engine on its database: it deployed processes/ and runs a process to its end,
 * and it keeps Spring Modulith's event publications there.
 */
final class ProcessDeployment {

    private ProcessDeployment() {}

    static void assertReadinessProcessRuns(ProcessEngine engine, TaskWork taskWork) {
        var instance = engine.getRuntimeService().startProcessInstanceByKey("workspace-readiness");
        var task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmWorkspaceReady");

        taskWork.complete(task.getId(), Map.of("ready", true), "omar");

        var finished = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(finished.getEndActivityId()).isEqualTo("Event_WorkspaceReady");
    }

    static void assertKeepsModuleEvents(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection();
                var tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            var names = new java.util.ArrayList<String>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(names).as("Spring Modulith's event publication table").contains("event_publication");
        }
    }
}
