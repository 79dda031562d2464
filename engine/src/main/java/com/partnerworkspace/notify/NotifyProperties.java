package com.partnerworkspace.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every email
 * @param slackWebhookUrl a Slack incoming webhook; blank turns Slack off
 */
@ConfigurationProperties("workspace.notify")
public record NotifyProperties(
        @DefaultValue("Partner Workspace <no-reply@partner-workspace.local>")
        String from,

        String slackWebhookUrl) {

    boolean slackEnabled() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }
}
