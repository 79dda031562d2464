package com.partnerworkspace.notify;

import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every email
 * @param slackWebhookUrl a Slack incoming webhook; blank turns Slack off
 * @param allowedInternalTargets exact {@code host:port} pairs (as written in URLs) that calls may reach
 *     although they are internal, e.g. the local stack's Slack/SMS receiver {@code 127.0.0.1:8026};
 *     empty in production
 * @param callsPerHost how many Slack or SMS calls may be open to one host at once. Every Slack webhook is on
 *     one host, and alerts are delivered by the job executor's threads: at least its {@code max-pool-size},
 *     or deliveries queue for a connection (the HTTP client's own default is five)
 */
@Validated
@ConfigurationProperties("workspace.notify")
public record NotifyProperties(
        @DefaultValue("Partner Workspace <no-reply@partner-workspace.local>")
        String from,

        String slackWebhookUrl,
        @DefaultValue List<String> allowedInternalTargets,
        @DefaultValue("12") @Positive int callsPerHost) {

    boolean slackEnabled() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }
}
