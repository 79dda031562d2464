package com.partnerworkspace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineProcess;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.OpenBaoServer;
import com.partnerworkspace.testsupport.PostgresServer;
import com.partnerworkspace.testsupport.RealServersExtension;
import com.partnerworkspace.testsupport.RealServersExtension.Server;
import com.partnerworkspace.testsupport.Receiver;
import com.partnerworkspace.testsupport.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two engine nodes (separate processes) on one PostgreSQL share the work of 500 alerts: the job
 * executors of both deliver, and each (alert, level, channel) reaches its channel exactly once — one
 * email and one Slack message per alert, none twice.
 */
@Slow
@ExtendWith(RealServersExtension.class)
@RealServersExtension.Needs({Server.POSTGRES, Server.KEYCLOAK, Server.OPENBAO})
class TwoEngineNodesAlertTest {

    private static final int ALERTS = 500;

    @Test
    void fiveHundredAlertsOnTwoNodesAreEachDeliveredExactlyOncePerChannel(
            KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres) throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("two-nodes-test.log");
        EngineProcess nodeA = new EngineProcess(18092, properties("node-a", keycloak, openBao, postgres), log);
        EngineProcess nodeB = new EngineProcess(18093, properties("node-b", keycloak, openBao, postgres), log);
        try {
            nodeA.start(Duration.ofMinutes(4)); // one after the other: both would create the schema
            nodeB.start(Duration.ofMinutes(4));
            String partner = "twonode" + UUID.randomUUID().toString().substring(0, 8);
            String mail = partner + "@partner-workspace.test";
            savePreferences(nodeA, keycloak, partner, mail);
            Instant started = Instant.now();

            List<String> resources = raiseAcross(List.of(nodeA, nodeB), keycloak.accessToken("omar"), partner);
            awaitSent(postgres, partner, 2 * ALERTS);

            assertThat(countBy(
                            Receiver.slack().stream()
                                    .filter(call -> call.path().equals("/slack/" + partner) && call.status() / 100 == 2)
                                    .map(Receiver.Call::body)
                                    .toList(),
                            resources))
                    .as("Slack messages per alert")
                    .allSatisfy(
                            (resource, count) -> assertThat(count).as(resource).isEqualTo(1));
            assertThat(countBy(
                            MailServer.shared().mailsTo(mail).stream()
                                    .map(MailServer.Mail::body)
                                    .toList(),
                            resources))
                    .as("emails per alert")
                    .allSatisfy(
                            (resource, count) -> assertThat(count).as(resource).isEqualTo(1));
            assertThat(nodesThatDelivered(postgres, started))
                    .as("both nodes' job executors took delivery jobs")
                    .containsExactlyInAnyOrder("node-a", "node-b");
        } finally {
            nodeA.kill();
            nodeB.kill();
        }
    }

    private static List<String> raiseAcross(List<EngineProcess> nodes, String opsToken, String partner)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> raised = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                EngineProcess node = nodes.get(i % nodes.size());
                raised.add(threads.submit(() -> {
                    Api.Response response = Connections.postTo(
                            node.baseUrl(),
                            "/api/alerts/test",
                            opsToken,
                            Map.of("partner", partner, "severity", "WARNING"));
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    return response.json().get("resource").asText();
                }));
            }
            List<String> resources = new ArrayList<>();
            for (Future<String> future : raised) {
                resources.add(future.get());
            }
            return resources;
        } finally {
            threads.shutdown();
        }
    }

    /** How many of the texts mention each resource (every resource is listed, also with 0). */
    private static Map<String, Long> countBy(List<String> texts, List<String> resources) {
        Map<String, Long> counts = resources.stream()
                .collect(Collectors.toMap(Function.identity(), r -> 0L, (a, b) -> a, LinkedHashMap::new));
        for (String text : texts) {
            for (String resource : resources) {
                if (text.contains(resource)) {
                    counts.merge(resource, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static void awaitSent(PostgresServer postgres, String partner, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        int sent = 0;
        while (Instant.now().isBefore(deadline)) {
            sent = queryInt(
                    postgres,
                    "select count(*) from alert_delivery d join alert a on a.id = d.alert_id"
                            + " where a.partner = ? and d.level = 1 and d.outcome = 'SENT'",
                    partner);
            if (sent >= expected) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("only " + sent + " of " + expected + " deliveries were sent in time");
    }

    private static Set<String> nodesThatDelivered(PostgresServer postgres, Instant since) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                PreparedStatement query = db.prepareStatement("""
                        select distinct hostname_ from act_hi_job_log
                        where act_id_ = 'Task_NotifyLevel' and timestamp_ >= ? and job_exception_msg_ is null""")) {
            query.setTimestamp(1, java.sql.Timestamp.from(since));
            Set<String> hosts = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hosts.add(rows.getString(1));
                }
            }
            return hosts;
        }
    }

    private static int queryInt(PostgresServer postgres, String sql, String parameter) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void savePreferences(EngineProcess node, KeycloakServer keycloak, String partner, String mail) {
        Api.Response saved = TestPreferences.put(
                node.baseUrl(),
                keycloak.accessToken("omar"),
                partner,
                TestPreferences.body(mail, Receiver.slackUrl(partner), List.of(), "PT2H"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static Map<String, String> properties(
            String node, KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres) {
        Map<String, String> properties = EngineProcess.properties(node, keycloak, openBao, postgres);
        properties.put("workspace.notify.slack-webhook-url", Receiver.slackUrl("workspace"));
        // Tells the nodes apart in Camunda's job log.
        properties.put("camunda.bpm.generic-properties.properties.hostname", node);
        return properties;
    }
}
