package com.partnerworkspace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SMTP server stops while a burst of 100 alerts goes out: every alert still reaches someone — by
 * email once the server is back, or through the Slack fallback after email gave up — and nobody gets
 * the same alert twice.
 */
@EngineTest
class AlertDeliveryFaultTest {

    private static final int ALERTS = 100;

    @Autowired
    JdbcClient db;

    @Test
    void smtpDownDuringABurstLosesNothingAndDuplicatesNothing() {
        String partner = "fault" + UUID.randomUUID().toString().substring(0, 8);
        String mail = partner + "@partner-workspace.test";
        savePreferences(partner, mail);

        MailServer.shared().stop();
        List<String> resources = new ArrayList<>();
        try {
            for (int i = 0; i < ALERTS; i++) {
                resources.add(raiseInfo(partner)); // INFO goes out by email only
            }
            awaitCount("an email given up and fallen back to Slack", partner, "outcome = 'GAVE_UP'", 1);
        } finally {
            MailServer.shared().start();
        }
        awaitCount("every alert delivered on some channel", partner, "outcome = 'SENT'", ALERTS);

        Map<String, List<String>> sentChannels = sentChannelsByResource(partner);
        assertThat(sentChannels).hasSize(ALERTS);
        assertThat(sentChannels.values())
                .allSatisfy(channels -> assertThat(channels).hasSize(1));
        assertThat(sentChannels.values())
                .anySatisfy(channels -> assertThat(channels).containsExactly("slack"));

        List<String> slackBodies = Receiver.slack().stream()
                .filter(call -> call.path().equals("/slack/" + partner) && call.status() / 100 == 2)
                .map(Receiver.Call::body)
                .toList();
        List<MailServer.Mail> mails = MailServer.shared().mailsTo(mail);
        for (String resource : resources) {
            long bySlack =
                    slackBodies.stream().filter(body -> body.contains(resource)).count();
            long byEmail =
                    mails.stream().filter(m -> m.body().contains(resource)).count();
            String channel = sentChannels.get(resource).get(0);
            assertThat(bySlack).as("Slack messages for %s", resource).isEqualTo(channel.equals("slack") ? 1 : 0);
            assertThat(byEmail).as("emails for %s", resource).isEqualTo(channel.equals("email") ? 1 : 0);
        }
    }

    private Map<String, List<String>> sentChannelsByResource(String partner) {
        Map<String, List<String>> channels = new HashMap<>();
        db.sql("""
                        select a.resource, d.channel from alert_delivery d join alert a on a.id = d.alert_id
                        where a.partner = :partner and d.level = 1 and d.outcome = 'SENT'""")
                .param("partner", partner)
                .query((rs, row) -> channels.computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return channels;
    }

    private void awaitCount(String what, String partner, String condition, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int count = 0;
        while (Instant.now().isBefore(deadline)) {
            count = db.sql("select count(*) from alert_delivery d join alert a on a.id = d.alert_id"
                            + " where a.partner = :partner and d.level = 1 and d." + condition)
                    .param("partner", partner)
                    .query(Integer.class)
                    .single();
            if (count >= atLeast) {
                return;
            }
            Connections.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(what + ": only " + count + " of " + atLeast);
    }

    private static String raiseInfo(String partner) {
        Api.Response raised = Connections.post(
                "/api/alerts/test", Connections.token("omar"), Map.of("partner", partner, "severity", "INFO"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("resource").asText();
    }

    private static void savePreferences(String partner, String mail) {
        Api.Response saved = TestPreferences.put(
                EngineTest.BASE_URL,
                Connections.token("omar"),
                partner,
                TestPreferences.body(mail, Receiver.slackUrl(partner), List.of(), "PT2H"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }
}
