package com.partnerworkspace.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link Notification} by email and to the Slack channel. Failures are thrown, not swallowed:
 * the calling process step is a job whose retries are the delivery guarantee.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Duration SLACK_TIMEOUT = Duration.ofSeconds(10);

    private final JavaMailSender mail;
    private final NotifyProperties properties;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(SLACK_TIMEOUT).build();

    Notifier(JavaMailSender mail, NotifyProperties properties, ObjectMapper json) {
        this.mail = mail;
        this.properties = properties;
        this.json = json;
    }

    /** One email per address (so nobody sees the other recipients). */
    public void email(List<String> addresses, Notification notification) {
        if (addresses.isEmpty()) {
            return;
        }
        SimpleMailMessage[] messages = addresses.stream()
                .map(address -> {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(properties.from());
                    message.setTo(address);
                    message.setSubject(notification.subject());
                    message.setText(plainText(notification));
                    return message;
                })
                .toArray(SimpleMailMessage[]::new);
        mail.send(messages); // one SMTP connection for all of them
        log.info("Email '{}' sent to {}", notification.subject(), addresses);
    }

    /** Posts to the Slack webhook as Block Kit (text plus link buttons); does nothing when Slack is off. */
    public void slack(Notification notification) {
        if (properties.slackEnabled()) {
            slack(properties.slackWebhookUrl(), notification);
        }
    }

    /** Whether the workspace-wide Slack webhook is set. */
    public boolean slackConfigured() {
        return properties.slackEnabled();
    }

    /** Posts to the given Slack incoming webhook (a partner's own channel). */
    public void slack(String webhookUrl, Notification notification) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(webhookUrl))
                            .timeout(SLACK_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(blocks(notification))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new NotificationFailedException("Slack answered HTTP " + response.statusCode());
            }
            log.info("Slack message '{}' posted", notification.subject());
        } catch (IOException e) {
            throw new NotificationFailedException("Slack is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while posting to Slack");
        }
    }

    static String plainText(Notification notification) {
        StringBuilder text = new StringBuilder(notification.text()).append("\n");
        for (Notification.Link link : notification.links()) {
            text.append("\n").append(link.label()).append(": ").append(link.url());
        }
        return text.append("\n\n-- Partner Workspace\n").toString();
    }

    static Map<String, Object> blocks(Notification notification) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", notification.subject())));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", notification.text())));
        if (!notification.links().isEmpty()) {
            blocks.add(Map.of(
                    "type",
                    "actions",
                    "elements",
                    notification.links().stream()
                            .map(link -> Map.of(
                                    "type", "button",
                                    "text", Map.of("type", "plain_text", "text", link.label()),
                                    "url", link.url().toString()))
                            .toList()));
        }
        return Map.of("text", notification.subject(), "blocks", blocks);
    }

    public static class NotificationFailedException extends RuntimeException {
        NotificationFailedException(String message) {
            super(message);
        }
    }
}
