package com.partnerworkspace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.Receiver;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts through the API and the raise-alert entry point, with the real SMTP server, the Slack receiver,
 * Keycloak tokens and the escalation process on the shared engine.
 */
@EngineTest
class AlertsFlowTest {

    private static final String NITIN_MAIL = "nitin@partner-workspace.local";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient db;

    /** Nitin's persona defaults have quiet hours (a warning then goes by email only): out of the way here. */
    @BeforeEach
    void noQuietHoursForNitin() {
        JsonNode preferences = Api.get("/api/alert-preferences", Connections.token("nitin"))
                .json()
                .deepCopy();
        ((ObjectNode) preferences).remove("quietHours");
        Api.Response saved = Api.send(
                "/api/alert-preferences",
                Connections.token("nitin"),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(preferences.toString())));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterEach
    void nitinFollowsTheDefaultsAgain() {
        Api.send("/api/alert-preferences", Connections.token("nitin"), request -> request.DELETE());
    }

    @Test
    void aTestAlertReachesThePartnerAndAnAcknowledgementEndsItsEscalation() {
        Api.Response raised = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", "nitin", "severity", "WARNING"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("id").asText();
        assertThat(raised.json().get("state").asText()).isEqualTo("OPEN");
        assertThat(raised.json().get("level").asInt()).isEqualTo(1);

        JsonNode delivered = awaitAlert(id, "nitin", a -> a.get("deliveries").size() == 2, "two deliveries");
        assertThat(delivered.get("deliveries").findValuesAsText("channel")).containsExactlyInAnyOrder("email", "slack");
        assertThat(delivered.get("deliveries").findValuesAsText("outcome")).containsOnly("SENT");
        MailServer.shared()
                .awaitMail(
                        NITIN_MAIL,
                        mail -> mail.subject().contains("[WARNING] Test alert raised by omar"),
                        Duration.ofSeconds(30));
        assertThat(Receiver.slackMessages()).anyMatch(message -> message.contains("Test alert raised by omar"));

        assertThat(Api.get("/api/alerts", Connections.token("mukesh")).body()).doesNotContain(id);
        assertThat(Connections.post("/api/alerts/" + id + "/ack", Connections.token("mukesh"), Map.of())
                        .status())
                .as("another partner's alert")
                .isEqualTo(404);

        Api.Response ack = Connections.post(
                "/api/alerts/" + id + "/ack", Connections.token("nitin"), Map.of("reason", "Looking into it"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgeReason").asText()).isEqualTo("Looking into it");
        assertThat(Connections.post("/api/alerts/" + id + "/ack", Connections.token("nitin"), Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("alert-escalation")
                        .processInstanceBusinessKey(id)
                        .finished()
                        .count())
                .as("the escalation ended")
                .isEqualTo(1);
        assertThat(Api.get("/api/audit?action=alert.acknowledged&size=50", Connections.token("nitin"))
                        .body())
                .contains("alert/" + id);
    }

    @Test
    void aRepeatOfAnOpenAlertCountsAndNotifiesNobodyAgain() {
        String resource = "connection/" + UUID.randomUUID();
        raiseInATransaction(resource);
        JsonNode first = awaitAlertByResource(resource, a -> a.get("deliveries").size() == 1, "delivered once");
        int mailsBefore = mailsAbout(resource);

        raiseInATransaction(resource);

        JsonNode repeated = awaitAlertByResource(resource, a -> a.get("count").asInt() == 2, "counted twice");
        assertThat(repeated.get("id").asText()).isEqualTo(first.get("id").asText());
        Connections.sleep(Duration.ofSeconds(2));
        assertThat(mailsAbout(resource)).as("no second email").isEqualTo(mailsBefore);
        assertThat(awaitAlertByResource(resource, a -> true, "listed")
                        .get("deliveries")
                        .size())
                .isEqualTo(1);

        Api.Response resolved = Connections.post(
                "/api/alerts/" + first.get("id").asText() + "/resolve", Connections.token("nitin"), null);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("state").asText()).isEqualTo("RESOLVED");
    }

    /**
     * The event is kept in Spring Modulith's publication table only until its listener has run: what stays is
     * what is still owed (republished on restart), so the table does not grow with every alert ever raised.
     */
    @Test
    void aHandledAlertLeavesNoEventPublicationBehind() {
        String resource = "connection/" + UUID.randomUUID();
        raiseInATransaction(resource);
        awaitAlertByResource(resource, a -> a.get("deliveries").size() == 1, "delivered");

        Instant deadline = Instant.now().plusSeconds(10);
        while (publicationsAbout(resource) > 0 && Instant.now().isBefore(deadline)) {
            Connections.sleep(Duration.ofMillis(100));
        }
        assertThat(publicationsAbout(resource))
                .as("publications of the handled event")
                .isZero();
    }

    private long publicationsAbout(String resource) {
        return db.sql("select count(*) from event_publication where serialized_event like :resource")
                .param("resource", "%" + resource + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyOpsRaiseTestAlertsAndBadInputNamesTheField() {
        assertThat(Connections.post(
                                "/api/alerts/test",
                                Connections.token("nitin"),
                                Map.of("partner", "nitin", "severity", "INFO"))
                        .status())
                .isEqualTo(403);
        Api.Response badSeverity = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", "nitin", "severity", "LOUD"));
        assertThat(badSeverity.status()).isEqualTo(400);
        Api.Response badPartner = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", "Not A Partner!", "severity", "INFO"));
        assertThat(badPartner.status()).isEqualTo(400);
        assertThat(badPartner.body()).contains("\"field\":\"partner\"");
    }

    private void raiseInATransaction(String resource) {
        transactions.executeWithoutResult(status -> events.publishEvent(new AlertRaised(
                "nitin",
                "credential.expiring",
                resource,
                Severity.INFO,
                "Token of " + resource + " expires soon",
                Map.of())));
    }

    private static int mailsAbout(String resource) {
        return (int) MailServer.shared().mailsTo(NITIN_MAIL).stream()
                .filter(mail -> mail.subject().contains(resource))
                .count();
    }

    private static JsonNode awaitAlert(String id, String user, Predicate<JsonNode> condition, String what) {
        return awaitMatching(user, a -> a.get("id").asText().equals(id), condition, what);
    }

    private static JsonNode awaitAlertByResource(String resource, Predicate<JsonNode> condition, String what) {
        return awaitMatching("nitin", a -> a.get("resource").asText().equals(resource), condition, what);
    }

    private static JsonNode awaitMatching(
            String user, Predicate<JsonNode> which, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode list = Api.get("/api/alerts", Connections.token(user)).json();
            JsonNode alert = StreamSupport.stream(list.spliterator(), false)
                    .filter(which)
                    .findFirst()
                    .orElse(null);
            if (alert != null && condition.test(alert)) {
                return alert;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("alert never reached " + what + ": " + alert);
            }
            Connections.sleep(Duration.ofMillis(250));
        }
    }
}
