package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineOnPostgres;
import com.partnerworkspace.testsupport.KeycloakServer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine configured for PostgreSQL (the real server) instead of the embedded H2.
 *
 * <p>Runs last: it is a second Spring context with a second Camunda engine in the JVM, and closing it
 * leaves the Camunda webapps of the shared {@code @EngineTest} context unable to serve (Camunda keeps
 * engines and webapp plugins in JVM-wide registries).
 */
@EngineOnPostgres
@Order(Integer.MAX_VALUE)
class EngineOnPostgresTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @LocalServerPort
    int port;

    @Test
    void runsOnPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
    }

    @Test
    void keepsModuleEventsInTheDatabase() throws Exception {
        ProcessDeployment.assertKeepsModuleEvents(dataSource);
    }

    @Test
    void deploysAndRunsTheModelsFromProcesses() {
        ProcessDeployment.assertAProcessFromProcessesRunsToItsEnd(engine);
    }

    @Test
    void servesTheApiWithKeycloakTokens(KeycloakServer keycloak) {
        var me = Api.get("http://localhost:" + port, "/api/me", keycloak.accessToken("raja"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("partner").asText()).isEqualTo("raja");
    }

    /** The inbox's indexes on Camunda's task tables, made after the engine created them (InboxIndexes). */
    @Test
    void hasTheInboxIndexesOnCamundasTaskTables() throws Exception {
        java.util.Set<String> indexes = new java.util.HashSet<>();
        try (var connection = dataSource.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("select indexname from pg_indexes where tablename in"
                                + " ('act_ru_task', 'act_ru_identitylink')")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        assertThat(indexes)
                .contains(
                        "pw_idx_task_due",
                        "pw_idx_task_procdef_due",
                        "pw_idx_task_priority",
                        "pw_idx_ident_lnk_group_task");
    }

    /** PostgreSQL's JIT compiled an inbox count for 135 ms of its 170 (PostgresSessions). */
    @Test
    void pooledConnectionsRunWithoutJitCompilation() throws Exception {
        try (var connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("show jit")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("off");
        }
    }
}
