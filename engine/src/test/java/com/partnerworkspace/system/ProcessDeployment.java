package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Shared checks of an engine on its database: it deployed processes/ and runs a process to its end,
 * and it keeps Spring Modulith's event publications there.
 */
final class ProcessDeployment {

    private ProcessDeployment() {}

    /**
     * Runs {@code alert-silence} from processes/ to an end event: a silence set far ahead and lifted early
     * ends quietly, with no outside server involved.
     */
    static void assertAProcessFromProcessesRunsToItsEnd(ProcessEngine engine) {
        String silence = "deployment-probe-" + UUID.randomUUID();
        var instance = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "alert-silence",
                        silence,
                        Map.of("muteId", silence, "partner", "raja", "endsAt", "2099-01-01T00:00:00Z"));
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .containsExactly("Gateway_WaitForEnd");

        engine.getRuntimeService()
                .createMessageCorrelation("SilenceLifted")
                .processInstanceId(instance.getId())
                .correlate();

        var finished = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(finished.getState()).isEqualTo("COMPLETED");
        assertThat(finished.getEndActivityId()).isEqualTo("Event_Lifted");
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
