package com.partnerworkspace.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import java.net.http.HttpRequest;
import java.util.List;

/** Alert preferences as {@code PUT /api/alert-preferences} takes them, for tests with a partner of their own. */
public final class TestPreferences {

    private TestPreferences() {}

    /** One email address, a Slack webhook, phone numbers; default thresholds; warnings and criticals escalate after {@code delay}. */
    public static ObjectNode body(String mail, String slackUrl, List<String> phones, String delay) {
        ObjectNode body = Connections.JSON.createObjectNode();
        ObjectNode channels = body.putObject("channels");
        channels.putArray("emails").add(mail);
        channels.put("slackWebhookUrl", slackUrl);
        phones.forEach(channels.putArray("phones")::add);
        channels.put("backupContact", "");
        body.putObject("thresholds")
                .put("credentialWarningHours", 24)
                .put("credentialCriticalHours", 2)
                .put("loginFailures", 5)
                .put("loginFailureWindowMinutes", 5);
        body.putObject("escalationDelays")
                .put("info", "PT2H")
                .put("warning", delay)
                .put("critical", delay);
        body.putArray("mutes");
        return body;
    }

    /** Saved by ops ({@code omar}) for the partner on the engine at {@code baseUrl}. */
    public static Api.Response put(String baseUrl, String opsToken, String partner, JsonNode body) {
        return Api.send(
                baseUrl,
                "/api/alert-preferences?partner=" + partner,
                opsToken,
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
}
