package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.intThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credential health scan against a real broker-sim connection (its session ends in 30 minutes): no
 * alert while a scheduled rotation will renew it; a critical one when nothing will; the alert counts
 * repeats, and renewing the credential resolves it.
 */
@EngineTest
class CredentialHealthTest {

    @Autowired
    CredentialHealth health;

    @Autowired
    JdbcClient db;

    @Autowired
    LatencyProbe probe;

    /** The scan's service task as the BPMN calls it (alerts, then the broker calls, then the roll-up). */
    @Autowired
    @Qualifier("scanCredentialHealth")
    JavaDelegate scanCredentialHealth;

    @Autowired
    LatencyRollups rollups;

    @Autowired
    TestClock clock;

    @Test
    void aSessionNothingWillRenewRaisesOneAlertThatARotationResolves() {
        String id = Connections.connectedOk("nitin", "Health " + UUID.randomUUID())
                .get("id")
                .asText();
        String resource = "connection/" + id;

        health.scan(Instant.now());
        Connections.sleep(Duration.ofSeconds(1));
        assertThat(alertOf(resource))
                .as("the scheduled rotation renews it in time")
                .isNull();

        db.sql("update broker_connection set next_rotation_at = null where id = :id")
                .param("id", id)
                .update();
        health.scan(Instant.now());
        JsonNode alert = awaitAlert(resource, a -> true, "raised");
        assertThat(alert.get("type").asText()).isEqualTo(CredentialHealth.EXPIRES_SOON);
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("state").asText()).isEqualTo("OPEN");

        health.scan(Instant.now());
        awaitAlert(resource, a -> a.get("count").asInt() == 2, "counted again");

        Api.Response rotated = Connections.post("/api/connections/" + id + "/rotate", Connections.token("nitin"), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(202);
        JsonNode resolved = awaitAlert(resource, a -> a.get("state").asText().equals("RESOLVED"), "resolved");
        assertThat(resolved.get("resolvedBy").asText()).isEqualTo("system");
    }

    /**
     * The scan's timed call to each broker, three scans five minutes apart (the engine's clock moved, not
     * slept), rolled up and read back through the latency API and the dashboard's widgets with real
     * tokens: the owner and ops see it, another partner and a teammate without a grant do not.
     */
    @Test
    void eachScanTimesABrokerCallThatTheLatencyApiAndWidgetsReadFromTheRollups() throws Exception {
        String id = Connections.connectedOk("nitin", "Latency " + UUID.randomUUID())
                .get("id")
                .asText();
        Instant firstScan = clock.instant();
        DelegateExecution execution = mock(DelegateExecution.class);
        scanCredentialHealth.execute(execution);
        verify(execution).setVariable(eq("brokerCalls"), intThat(calls -> calls > 0));
        for (int scan = 1; scan < 3; scan++) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(probe.sampleAll(clock.instant())).isPositive();
        }
        clock.advance(Duration.ofMinutes(5));
        rollups.rollUp(clock.instant());
        assertThat(db.sql("select count(*) from broker_latency_sample where connection_id = :id and ok")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("one per scan; the scan's own 5-minute cycle may also run once the clock moved")
                .isGreaterThanOrEqualTo(3);

        String nitin = Connections.token("nitin");
        Api.Response answered = Api.get("/api/partners/nitin/latency?window=PT24H&step=PT5M", nitin);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode report = answered.json();
        assertThat(report.get("series")).hasSize(288);
        long samples = StreamSupport.stream(report.get("series").spliterator(), false)
                .filter(point -> !Instant.parse(point.get("at").asText())
                        .isBefore(LatencyRollups.floor(firstScan, Duration.ofMinutes(5))))
                .mapToLong(point -> point.get("samples").asLong())
                .sum();
        assertThat(samples).as(report.toString()).isGreaterThanOrEqualTo(3);
        assertThat(report.at("/sla/target/p95Ms").asInt()).isEqualTo(500);
        assertThat(report.at("/sla/achieved/p95Ms").asInt()).isPositive();

        assertThat(Api.get("/api/partners/nitin/latency", Connections.token("omar"))
                        .status())
                .isEqualTo(200);
        Api.Response otherPartner = Api.get("/api/partners/nitin/latency", Connections.token("mukesh"));
        assertThat(otherPartner.status()).isEqualTo(403);
        assertThat(otherPartner.contentType()).startsWith("application/problem+json");
        Api.Response badStep = Api.get("/api/partners/nitin/latency?window=P30D&step=PT5M", nitin);
        assertThat(badStep.status()).isEqualTo(400);
        assertThat(badStep.json().at("/errors/0/field").asText()).isEqualTo("step");

        JsonNode latencyWidget = widget("latency?window=PT24H", nitin);
        assertThat(latencyWidget.at("/data/summary/samples").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode connections = widget("broker-connections", nitin);
        assertThat(StreamSupport.stream(connections.at("/data/connections").spliterator(), false)
                        .filter(c -> c.get("id").asText().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .get("tokenAgeSeconds")
                        .asLong())
                .isGreaterThanOrEqualTo(0);
        JsonNode onboarding = widget("onboarding", nitin);
        assertThat(onboarding.at("/data/steps/1/id").asText()).isEqualTo("broker");
        assertThat(onboarding.at("/data/steps/1/done").asBoolean()).isTrue();
        JsonNode login = widget("login-health", nitin);
        assertThat(login.at("/data/lastLoginAt").isTextual())
                .as(login.toString())
                .isTrue();
        assertThat(Instant.parse(login.at("/data/sessionExpiresAt").asText()))
                .as("the session of nitin's token")
                .isAfter(Instant.now());
        assertThat(Api.get("/api/workspace/widgets/broker-connections?partner=nitin", Connections.token("mukesh"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.get("/api/workspace/widgets/platform-health", nitin).status())
                .isEqualTo(403);
        JsonNode health = Api.get("/api/workspace/widgets/platform-health", Connections.token("omar"))
                .json();
        assertThat(health.at("/data/components").toString())
                .as(health.toString())
                .contains("{\"id\":\"db\",\"name\":\"Database\",\"status\":\"UP\"}")
                .contains("{\"id\":\"keycloak\",\"name\":\"Keycloak\",\"status\":\"UP\"}");
        assertThat(Api.get("/api/workspace/widgets/approvals", Connections.token("priya"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theApiDocumentDescribesEachWidgetsData() {
        JsonNode schemas = Api.get("/v3/api-docs", null).json().at("/components/schemas");
        for (String data : new String[] {
            "LoginHealthData",
            "BrokerConnectionsData",
            "UpcomingRotationsData",
            "LatencyData",
            "DelegationsData",
            "AlertsData",
            "AuditData",
            "ApprovalsData",
            "PlatformHealthData",
            "PartnerOverviewData",
            "OnboardingData",
            "Metrics"
        }) {
            assertThat(schemas.has(data)).as(data).isTrue();
        }
        assertThat(schemas.at("/WidgetResponse/properties/data/anyOf")).hasSize(12);
        assertThat(schemas.at("/LatencyReport/properties/series/items/$ref").asText())
                .endsWith("/Point");
    }

    private static JsonNode widget(String widgetAndQuery, String token) {
        Api.Response response = Api.get("/api/workspace/widgets/" + widgetAndQuery, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode alertOf(String resource) {
        JsonNode list = Api.get("/api/alerts", Connections.token("nitin")).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(a -> a.get("resource").asText().equals(resource))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode awaitAlert(String resource, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode alert = alertOf(resource);
            if (alert != null && condition.test(alert)) {
                return alert;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alert for " + resource + " never " + what + ": " + alert);
            }
            Connections.sleep(Duration.ofMillis(250));
        }
    }
}
