package com.partnerworkspace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.Receiver;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email (text + HTML), Slack and SMS through the real SMTP server and the local receiver; a failing
 * channel falling back to the next; signed single-use acknowledgement links; silences; "send test".
 * Each test uses a partner of its own (ops act for any partner), so kept data never interferes.
 */
@EngineTest
class AlertChannelsTest {

    private static final Pattern ACK_LINK = Pattern.compile("http://localhost:18080/ack/([A-Za-z0-9_~-]+)");

    @Autowired
    JdbcClient db;

    @Autowired
    TestClock clock;

    @AfterEach
    void slackAnswersAgain() {
        Receiver.ok("slack");
        Receiver.ok("sms");
    }

    @Test
    void aCriticalAlertReachesEmailSlackAndSmsEachWithAnAcknowledgementLink() {
        String partner = partner();
        String mail = partner + "@partner-workspace.test";
        String phone = phone();
        savePreferences(partner, mail, phone, List.of());

        String id = raiseTest(partner, "CRITICAL");
        JsonNode alert = await(id, a -> a.get("deliveries").size() == 3, "three deliveries");
        assertThat(alert.get("deliveries").findValuesAsText("outcome")).containsOnly("SENT");

        MailServer.Mail email =
                MailServer.shared().awaitMail(mail, m -> m.subject().contains("[CRITICAL]"), Duration.ofSeconds(30));
        assertThat(email.body()).contains("Acknowledge: http://localhost:18080/ack/");
        assertThat(email.html())
                .contains("<a href=\"http://localhost:18080/ack/")
                .contains(">Acknowledge</a>");

        Receiver.Call sms = Receiver.sms().stream()
                .filter(call -> call.smsTo().equals(phone))
                .findFirst()
                .orElseThrow();
        assertThat(sms.status()).isEqualTo(201);
        assertThat(sms.account()).as("the gateway's account from Vault").startsWith("AC");
        assertThat(sms.path()).isEqualTo("/sms/2010-04-01/Accounts/" + sms.account() + "/Messages.json");
        assertThat(sms.smsBody()).contains("[CRITICAL]").contains("Acknowledge: http://localhost:18080/ack/");

        String slack = Receiver.slack().stream()
                .filter(call -> call.path().equals("/slack/" + partner))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(slack).contains("\"type\":\"button\"").contains("http://localhost:18080/ack/");
    }

    @Test
    void anAckLinkWorksOnceWithoutLoginAndStopsTheEscalation() {
        String partner = partner();
        String phone = phone();
        savePreferences(partner, partner + "@partner-workspace.test", phone, List.of());
        String id = raiseTest(partner, "CRITICAL");
        await(id, a -> a.get("deliveries").size() == 3, "three deliveries");
        String token = ackToken(Receiver.sms().stream()
                .filter(call -> call.smsTo().equals(phone))
                .findFirst()
                .orElseThrow()
                .smsBody());

        Api.Response about = Api.get("/api/alert-links/" + token, null);
        assertThat(about.status()).as(about.body()).isEqualTo(200);
        assertThat(about.json().get("alertId").asText()).isEqualTo(id);
        assertThat(about.json().get("state").asText()).isEqualTo("OPEN");

        Api.Response ack = Connections.post("/api/alert-links/" + token + "/ack", null, Map.of("reason", "on it"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgedBy").asText()).isEqualTo("link:sms");
        assertThat(await(id, a -> true, "read").get("state").asText()).isEqualTo("ACKNOWLEDGED");

        Api.Response replay = Connections.post("/api/alert-links/" + token + "/ack", null, Map.of());
        assertThat(replay.status()).isEqualTo(410);
        assertThat(replay.json().get("type").asText()).endsWith("alert-link-used");
        assertThat(Api.get("/api/alert-links/" + token, null).status()).isEqualTo(410);

        String tampered = token.replaceFirst("^.", token.charAt(0) == 'A' ? "B" : "A");
        assertThat(Api.get("/api/alert-links/" + tampered, null).status()).isEqualTo(400);
        assertThat(Api.get("/api/alert-links/not-a-link", null).status()).isEqualTo(400);
    }

    @Test
    void aSlackChannelThatKeepsFailingFallsBackToSmsAndTheLogTellsTheStory() {
        String partner = partner();
        String phone = phone();
        savePreferences(partner, partner + "@partner-workspace.test", phone, List.of());
        Receiver.fail("slack", 500, -1, "/slack/" + partner);

        String id = raiseTest(partner, "WARNING"); // routed to email and Slack
        JsonNode alert = await(
                id,
                a -> outcome(a, "slack").equals("GAVE_UP") && outcome(a, "sms").equals("SENT"),
                "Slack given up and SMS sent instead");

        assertThat(outcome(alert, "email")).isEqualTo("SENT");
        assertThat(delivery(alert, "slack").get("detail").asText())
                .isEqualTo("gave up after 3 attempts: could not deliver");
        assertThat(delivery(alert, "sms").get("detail").asText()).isEqualTo("fallback for slack");
        assertThat(Receiver.slack().stream().filter(call -> call.path().equals("/slack/" + partner)))
                .as("three attempts on Slack")
                .hasSize(3);
        assertThat(Receiver.sms().stream().filter(call -> call.smsTo().equals(phone)))
                .as("exactly one SMS")
                .hasSize(1);
    }

    @Test
    void sendTestReportsWhatEachChannelDid() {
        String partner = partner();
        String phone = phone();
        savePreferences(partner, partner + "@partner-workspace.test", phone, List.of());
        Receiver.fail("slack", 503, 1, "/slack/" + partner);

        Api.Response report =
                Connections.post("/api/alert-preferences/test?partner=" + partner, Connections.token("omar"), Map.of());

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode results = report.json().get("results");
        assertThat(results.findValuesAsText("channel")).containsExactly("email", "slack", "sms");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("SENT");
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(results.get(1).get("detail").asText())
                .as("no status code, nothing about the network")
                .isEqualTo("could not deliver");
        assertThat(results.get(2).get("outcome").asText()).isEqualTo("SENT");
        assertThat(results.get(2).get("recipient").asText()).isEqualTo(phone);
        MailServer.shared()
                .awaitMail(
                        partner + "@partner-workspace.test",
                        m -> m.subject().startsWith("[TEST]"),
                        Duration.ofSeconds(30));
    }

    /**
     * A webhook whose name resolves to loopback when it is used (saved while it pointed elsewhere: DNS
     * rebinding, stood in for by writing the stored preferences directly) is refused at send time,
     * before any connection: the server listening there hears nothing, and neither the send-test report
     * nor the delivery log says more than "could not deliver".
     */
    @Test
    void aWebhookThatResolvesInsideWhenUsedIsRefusedBeforeConnecting() throws Exception {
        com.sun.net.httpserver.HttpServer listening = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        listening.createContext("/", exchange -> {
            heard.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listening.start();
        try {
            String partner = partner();
            String mail = partner + "@partner-workspace.test";
            String rebound = "http://localhost:" + listening.getAddress().getPort() + "/services/T0/B0/secret";
            db.sql("""
                            insert into alert_preferences (partner, body, updated_by, updated_at)
                            values (:partner, :body, 'test', current_timestamp)""")
                    .param("partner", partner)
                    .param(
                            "body",
                            TestPreferences.body(mail, rebound, List.of(), "PT30M")
                                    .toString())
                    .update();

            Api.Response report = Connections.post(
                    "/api/alert-preferences/test?partner=" + partner, Connections.token("omar"), Map.of());
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            JsonNode slack = report.json().get("results").get(1);
            assertThat(slack.get("channel").asText()).isEqualTo("slack");
            assertThat(slack.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(slack.get("detail").asText()).isEqualTo("could not deliver");
            assertThat(report.body()).doesNotContain("localhost").doesNotContain("secret");

            String id = raiseTest(partner, "WARNING"); // routed to email and Slack
            JsonNode alert = await(id, a -> outcome(a, "slack").equals("GAVE_UP"), "Slack given up");
            assertThat(delivery(alert, "slack").get("detail").asText())
                    .isEqualTo("gave up after 3 attempts: could not deliver");
            assertThat(heard).as("nothing connected to the loopback server").hasValue(0);
        } finally {
            listening.stop(0);
        }
    }

    @Test
    void aSilencedAlertTypeSendsNothingUntilTheSilenceEndsAndThePartnerIsToldWhenItEnds() {
        String partner = partner();
        String mail = partner + "@partner-workspace.test";
        Instant ends = Instant.now().plusSeconds(8);
        JsonNode saved = savePreferences(partner, mail, phone(), List.of(mute("test", "maintenance window", ends)));
        assertThat(saved.get("mutes")).hasSize(1);
        assertThat(saved.get("mutes").get(0).get("id").asText()).isNotBlank();
        assertThat(saved.get("policy").get("criticalMuteLimit").asText()).isEqualTo("PT4H");

        String id = raiseTest(partner, "WARNING");
        clock.awaitTimerOf(id); // the escalation holds the alert until the silence ends
        assertThat(await(id, a -> true, "read").get("deliveries"))
                .as("nothing sent while silenced")
                .isEmpty();

        clock.advanceTo(ends.plusSeconds(2));
        clock.fireDueTimers(id, saved.get("mutes").get(0).get("id").asText());
        MailServer.shared().awaitMail(mail, m -> m.subject().startsWith("Alert silence ended"), Duration.ofSeconds(30));
        JsonNode alert = await(id, a -> a.get("deliveries").size() == 2, "delivered once the silence ended");
        assertThat(Instant.now()).as("ended by the moved clock, not by waiting").isBefore(ends);
        assertThat(alert.get("deliveries").findValuesAsText("outcome")).containsOnly("SENT");
    }

    @Test
    void liftingASilenceEarlyDeliversWhatItHeldBack() {
        String partner = partner();
        String mail = partner + "@partner-workspace.test";
        String phone = phone();
        JsonNode saved = savePreferences(
                partner,
                mail,
                phone,
                List.of(mute("test", "deploying", Instant.now().plus(Duration.ofHours(2)))));
        String id = raiseTest(partner, "WARNING");
        clock.awaitTimerOf(id); // the escalation holds the alert until the silence ends
        assertThat(await(id, a -> true, "read").get("deliveries")).isEmpty();

        ObjectNode body = preferences(mail, phone, List.of());
        assertThat(put(partner, body).status()).isEqualTo(200);

        await(id, a -> a.get("deliveries").size() == 2, "delivered once the silence was lifted");
        assertThat(saved.get("mutes")).hasSize(1);
    }

    @Test
    void aCriticalAlertBreaksThroughASilenceOlderThanThePolicyLimit() {
        String partner = partner();
        savePreferences(
                partner,
                partner + "@partner-workspace.test",
                phone(),
                List.of(mute("test", "long maintenance", Instant.now().plus(Duration.ofDays(2)))));
        db.sql("update alert_mute set starts_at = :past where partner = :partner")
                .param("past", java.time.OffsetDateTime.now().minusHours(5))
                .param("partner", partner)
                .update();

        String warning = raiseTest(partner, "WARNING");
        String critical = raiseTest(partner, "CRITICAL");

        await(critical, a -> a.get("deliveries").size() == 3, "critical delivered despite the silence");
        assertThat(await(warning, a -> true, "read").get("deliveries"))
                .as("the warning stays silenced")
                .isEmpty();
    }

    @Test
    void aSilenceNeedsAReasonAndAFutureEnd() {
        String partner = partner();
        ObjectNode body = preferences(partner + "@partner-workspace.test", phone(), List.of());
        ArrayNode mutes = body.putArray("mutes");
        mutes.addObject()
                .put("alertType", "test")
                .put("until", Instant.now().plusSeconds(600).toString());
        mutes.addObject()
                .put("reason", "x")
                .put("until", Instant.now().minusSeconds(60).toString());

        Api.Response refused = put(partner, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("mutes[0].reason")
                .contains("mutes[1].alertType")
                .contains("mutes[1].until");
    }

    // ---------- helpers ----------

    private static String partner() {
        return "ch" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String phone() {
        return "+9198" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    private static ObjectNode mute(String type, String reason, Instant until) {
        return Connections.JSON
                .createObjectNode()
                .put("alertType", type)
                .put("reason", reason)
                .put("until", until.toString());
    }

    private static ObjectNode preferences(String mail, String phone, List<ObjectNode> mutes) {
        ObjectNode body = TestPreferences.body(
                mail, Receiver.slackUrl(mail.substring(0, mail.indexOf('@'))), List.of(phone), "PT30M");
        ((ArrayNode) body.get("mutes")).addAll(mutes);
        return body;
    }

    private static JsonNode savePreferences(String partner, String mail, String phone, List<ObjectNode> mutes) {
        Api.Response saved = put(partner, preferences(mail, phone, mutes));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json();
    }

    private static Api.Response put(String partner, JsonNode body) {
        return TestPreferences.put(EngineTest.BASE_URL, Connections.token("omar"), partner, body);
    }

    private static String raiseTest(String partner, String severity) {
        Api.Response raised = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", partner, "severity", severity));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("id").asText();
    }

    static JsonNode await(String id, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode alert = null;
        while (Instant.now().isBefore(deadline)) {
            Api.Response response = Api.get("/api/alerts/" + id, Connections.token("omar"));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            alert = response.json();
            if (condition.test(alert)) {
                return alert;
            }
            Connections.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("alert never reached " + what + ": " + alert);
    }

    private static JsonNode delivery(JsonNode alert, String channel) {
        for (JsonNode delivery : alert.get("deliveries")) {
            if (delivery.get("channel").asText().equals(channel)) {
                return delivery;
            }
        }
        return Connections.JSON.createObjectNode().put("outcome", "NONE").put("detail", "");
    }

    private static String outcome(JsonNode alert, String channel) {
        return delivery(alert, channel).get("outcome").asText();
    }

    static String ackToken(String message) {
        Matcher link = ACK_LINK.matcher(message);
        assertThat(link.find()).as("an ack link in " + message).isTrue();
        return link.group(1);
    }
}
