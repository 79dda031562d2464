package com.partnerworkspace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Alert preferences through the API: persona defaults, validation naming fields, saving and reading back. */
@EngineTest
class AlertPreferencesTest {

    @Test
    void aPartnerWhoNeverCustomisedFollowsThePersonaDefaults() {
        JsonNode nikhil = get("nikhil", null);
        assertThat(nikhil.get("customised").asBoolean()).isFalse();
        assertThat(nikhil.at("/quietHours/timeZone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(nikhil.at("/thresholds/credentialWarningHours").asInt()).isEqualTo(24);
        assertThat(get("mukesh", null).at("/escalationDelays/critical").asText())
                .isEqualTo("PT10M");
        assertThat(Api.get("/api/alert-preferences?partner=nikhil", Connections.token("mukesh"))
                        .status())
                .as("another partner's preferences")
                .isEqualTo(403);
        assertThat(get("omar", "raja").at("/thresholds/credentialWarningHours").asInt())
                .isEqualTo(48);
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() {
        ObjectNode body = (ObjectNode) get("mukesh", null).deepCopy();
        body.remove("partner");
        body.remove("customised");
        ((ObjectNode) body.get("channels")).putArray("emails").add("not-an-email");
        ((ObjectNode) body.get("channels")).putArray("phones").add("0123");
        ((ObjectNode) body.get("channels")).put("slackWebhookUrl", "ftp://hooks.example/x");
        ((ObjectNode) body.get("thresholds")).put("credentialWarningHours", 500);
        ((ObjectNode) body.get("escalationDelays")).put("warning", "PT2S");
        body.putObject("quietHours").put("from", "25:00").put("to", "07:00").put("timeZone", "Mars/Olympus");

        Api.Response refused = put("mukesh", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .contains(
                        "channels.emails[0]",
                        "channels.phones[0]",
                        "channels.slackWebhookUrl",
                        "thresholds.credentialWarningHours",
                        "escalationDelays.warning",
                        "quietHours.from",
                        "quietHours.timeZone");
        assertThat(get("mukesh", null).get("customised").asBoolean()).isFalse();
    }

    /** Literal addresses and a loopback name: all refused before anything connects anywhere. */
    @Test
    void aSlackWebhookToAnInternalAddressIsRefusedNamingTheField() {
        for (String url : java.util.List.of(
                "http://10.0.0.1/hook",
                "http://127.0.0.1:8200/",
                "http://172.16.5.4:8080/services/x",
                "http://[::ffff:192.168.0.1]/x",
                "http://169.254.169.254/latest/meta-data",
                "http://localhost:8026/slack/not-by-this-name")) {
            ObjectNode body = (ObjectNode) get("mukesh", null).deepCopy();
            body.remove("partner");
            body.remove("customised");
            ((ObjectNode) body.get("channels")).put("slackWebhookUrl", url);

            Api.Response refused = put("mukesh", body);

            assertThat(refused.status()).as("%s: %s", url, refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("field"))
                    .as(url)
                    .containsExactly("channels.slackWebhookUrl");
        }
        assertThat(get("mukesh", null).get("customised").asBoolean()).isFalse();
    }

    @Test
    void savedPreferencesAreThePartnersOwnFromThenOn() {
        ObjectNode body = (ObjectNode) get("raja", null).deepCopy();
        body.remove("partner");
        body.remove("customised");
        ((ObjectNode) body.get("channels")).putArray("emails").add("desk@raja.example");
        ((ObjectNode) body.get("channels")).putArray("phones").add("+919812345678");
        body.putObject("quietHours").put("from", "22:30").put("to", "06:30").put("timeZone", "Asia/Kolkata");

        Api.Response saved = put("raja", body);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode again = get("raja", null);
        assertThat(again.get("customised").asBoolean()).isTrue();
        assertThat(again.at("/channels/emails/0").asText()).isEqualTo("desk@raja.example");
        assertThat(again.at("/quietHours/from").asText()).isEqualTo("22:30");
        assertThat(Api.get("/api/audit?action=alert.preferences-changed&size=20", Connections.token("raja"))
                        .body())
                .contains("alert-preferences/raja");
    }

    private static JsonNode get(String user, String partner) {
        Api.Response response = Api.get(
                "/api/alert-preferences" + (partner == null ? "" : "?partner=" + partner), Connections.token(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Api.Response put(String user, JsonNode body) {
        return Api.send(
                "/api/alert-preferences",
                Connections.token(user),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
}
