package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default: H2 in file mode under the state folder, with the models from processes/ deployed. */
@EngineTest
class EngineOnH2Test {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @Test
    void runsOnAnH2FileDatabase() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(connection.getMetaData().getURL())
                    .startsWith("jdbc:h2:file:")
                    .contains("test-state/engine/db");
        }
    }

    @Test
    void keepsModuleEventsInTheDatabase() throws Exception {
        ProcessDeployment.assertKeepsModuleEvents(dataSource);
    }

    @Test
    void deploysAndRunsTheModelsFromProcesses() {
        ProcessDeployment.assertAProcessFromProcessesRunsToItsEnd(engine);
    }
}
