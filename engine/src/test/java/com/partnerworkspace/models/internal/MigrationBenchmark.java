package com.partnerworkspace.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineOnPostgres;
import com.partnerworkspace.testsupport.RealServers;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Migrating {@value #DEFAULT_INSTANCES} running instances as a batch on PostgreSQL, through this product
 * (report, proposal, approval by a second ops person, then the batch the approval starts) side by side with
 * Camunda's own {@code POST /engine-rest/migration/executeAsync} on as many instances of the same versions,
 * in one run. Each is timed from the call that starts the migration (the approval; the REST call) until
 * the batch has no job left; prints instances per second and the ratio (issue 25 target: at least 0.8x).
 *
 * <p>Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=MigrationBenchmark}
 * ({@code -Dbench.instances=} for fewer).
 */
@EngineOnPostgres
@Order(Integer.MAX_VALUE)
@Tag("benchmark")
class MigrationBenchmark {

    private static final int DEFAULT_INSTANCES = 10_000;
    private static final int INSTANCES = Integer.getInteger("bench.instances", DEFAULT_INSTANCES);
    private static final int WARMUP = 500;
    private static final String KEY = "migration-bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void ourBatchBesideCamundasRestBatch() throws Exception {
        List<String> deployments = List.of(deploy(), deploy());
        try {
            String omar = RealServers.keycloak().accessToken("omar");
            String olga = RealServers.keycloak().accessToken("olga");
            String v1 = definition(1);
            String v2 = definition(2);

            // Both paths once on a few instances first, so neither pays the JVM's and the database's warm-up.
            migrateOurs(WARMUP, omar, olga, v1);
            migrateStock(WARMUP, omar, v1, v2);
            double[] ours = migrateOurs(INSTANCES, omar, olga, v1);
            double[] stock = migrateStock(INSTANCES, omar, v1, v2);
            assertThat(count(v1)).isZero();

            System.out.printf(
                    "%nBENCHMARK migration, PostgreSQL, %d running instances each, version 1 -> 2 as a batch:%n"
                            + "  ours, the batch (created -> no job left)       %.1f s, %.0f instances/s%n"
                            + "  ours, from olga's approval (adds the review step's job) %.1f s, %.0f instances/s%n"
                            + "  /engine-rest/migration/executeAsync (call -> no job left) %.1f s, %.0f instances/s%n"
                            + "  ratio of the batches %.2fx, from approval %.2fx  (target >= 0.8x)%n%n",
                    INSTANCES,
                    ours[1],
                    INSTANCES / ours[1],
                    ours[0],
                    INSTANCES / ours[0],
                    stock[0],
                    INSTANCES / stock[0],
                    stock[0] / ours[1],
                    stock[0] / ours[0]);
        } finally {
            deployments.forEach(deployment -> repository.deleteDeployment(deployment, true));
        }
    }

    /**
     * Through this product: report, proposal by omar, approval by olga. Seconds from the approval, and from
     * the batch's creation (its start time in the engine's history), until the batch has no job left.
     */
    private double[] migrateOurs(int instances, String omar, String olga, String v1) throws Exception {
        start(v1, instances);
        JsonNode report = send("POST", "/api/models/" + KEY + "/migrations", omar, Map.of("from", 1, "to", 2));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        String id = report.get("id").asText();
        String task = send("POST", "/api/models/migrations/" + id + "/execute", omar, Map.of())
                .get("taskId")
                .asText();
        long started = System.nanoTime();
        send("POST", "/api/tasks/" + task + "/complete", olga, Map.of("approved", true, "comment", "bench"));
        String batch = awaitBatchOf(id, omar);
        awaitDone(batch);
        long done = System.currentTimeMillis();
        double seconds = seconds(started);
        java.util.Date created = engine.getHistoryService()
                .createHistoricBatchQuery()
                .batchId(batch)
                .singleResult()
                .getStartTime();
        assertThat(count(v1)).isZero();
        return new double[] {seconds, (done - created.getTime()) / 1e3};
    }

    /** Through Camunda's REST API, the same plan; seconds from the call until the batch has no job left. */
    private double[] migrateStock(int instances, String token, String v1, String v2) throws Exception {
        start(v1, instances);
        long started = System.nanoTime();
        JsonNode batch = send(
                "POST",
                "/engine-rest/engine/" + engine.getName() + "/migration/executeAsync",
                token,
                Map.of(
                        "migrationPlan",
                        Map.of(
                                "sourceProcessDefinitionId",
                                v1,
                                "targetProcessDefinitionId",
                                v2,
                                "instructions",
                                List.of(Map.of(
                                        "sourceActivityIds", List.of("Task_Wait"),
                                        "targetActivityIds", List.of("Task_Wait")))),
                        "processInstanceQuery",
                        Map.of("processDefinitionId", v1)));
        awaitDone(batch.get("id").asText());
        double seconds = seconds(started);
        assertThat(count(v1)).isZero();
        return new double[] {seconds};
    }

    /** Starts the instances in transactions of 500: the engine's own pace, without a flush per instance. */
    private void start(String definition, int instances) {
        var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        for (int done = 0; done < instances; done += 500) {
            int chunk = Math.min(500, instances - done);
            commands.execute(context -> {
                for (int i = 0; i < chunk; i++) {
                    runtime.startProcessInstanceById(definition);
                }
                return null;
            });
        }
    }

    /** The batch the approval started, once the migration runs (read from the migration's own row). */
    private String awaitBatchOf(String migration, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                engine.getProcessEngineConfiguration().getDataSource());
        while (true) {
            String batch =
                    jdbc.queryForObject("select batch_id from model_migration where id = ?", String.class, migration);
            if (batch != null) {
                return batch;
            }
            assertThat(System.nanoTime())
                    .as("the migration never started: %s", get("/api/models/migrations/" + migration, token))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void awaitDone(String batchId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            BatchStatistics batch =
                    management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            if (batch == null || (batch.getTotalJobs() > 0 && batch.getRemainingJobs() == 0)) {
                return;
            }
            assertThat(batch.getFailedJobs()).as("failed batch jobs").isZero();
            assertThat(System.nanoTime()).as("the batch never finished").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long count(String definition) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionId(definition)
                .count();
    }

    private String deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
                .name("Migration benchmark")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_Wait")
                .name("Wait")
                .endEvent("Event_Done")
                .done();
        return repository
                .createDeployment()
                .addModelInstance(KEY + ".bpmn", model)
                .deploy()
                .getId();
    }

    private String definition(int version) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .processDefinitionVersion(version)
                .singleResult()
                .getId();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private JsonNode get(String path, String token) {
        Api.Response response = Api.get("http://localhost:" + port, path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode send(String method, String path, String token, Object body) {
        Api.Response response = Api.send("http://localhost:" + port, path, token, request -> {
            try {
                return request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : response.json();
    }
}
