package com.partnerworkspace.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Sends a {@link Notification} by email, to Slack and by SMS. Failures are thrown, not swallowed:
 * the calling process step is a job whose retries are the delivery guarantee.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String HTML_TEMPLATE = template("email.html");
    private static final String TEXT_TEMPLATE = template("email.txt");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final JavaMailSender mail;
    private final NotifyProperties properties;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();

    Notifier(JavaMailSender mail, NotifyProperties properties, ObjectMapper json) {
        useMailStreamProviderDirectly();
        this.mail = mail;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Jakarta Mail 2.1 looks its StreamProvider up through a ServiceLoader scan of every jar for each body
     * part it writes (jakartaee/mail-api#699, #861): under load that scan was most of an email's CPU. Named
     * as a system property, it is loaded by class name instead (FactoryFinder checks that first).
     */
    private static void useMailStreamProviderDirectly() {
        String provider = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(provider, Notifier.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, provider);
        }
    }

    /** One email per address (so nobody sees the other recipients), as text and HTML from the templates. */
    public void email(List<String> addresses, Notification notification) {
        if (addresses.isEmpty()) {
            return;
        }
        String text = plainText(notification);
        String html = html(notification);
        MimeMessage[] messages = addresses.stream()
                .map(address -> mimeMessage(address, notification.subject(), text, html))
                .toArray(MimeMessage[]::new);
        mail.send(messages); // one SMTP connection for all of them
        // Never the subject or the text: they may carry a one-time code or a link that acts.
        log.info("Email sent to {} address(es), message ids {}", messages.length, messageIds(messages));
    }

    private static List<String> messageIds(MimeMessage[] messages) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                ids.add(message.getMessageID());
            } catch (MessagingException e) {
                ids.add("?");
            }
        }
        return ids;
    }

    private MimeMessage mimeMessage(String address, String subject, String text, String html) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(address);
            helper.setSubject(subject);
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new NotificationFailedException("cannot build the email to " + address + ": " + e.getMessage());
        }
        return message;
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
        String body;
        try {
            body = json.writeValueAsString(blocks(notification));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        post(
                "Slack",
                HttpRequest.newBuilder(URI.create(webhookUrl))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        log.info("Slack message posted ({} link(s))", notification.links().size());
    }

    /**
     * One text message per phone number through the gateway. The text is the subject and the first link
     * (the one people act on), kept short for SMS.
     */
    public void sms(SmsGateway gateway, List<String> phones, Notification notification) {
        String body = smsText(notification);
        String auth = java.util.Base64.getEncoder()
                .encodeToString((gateway.accountSid() + ":" + gateway.authToken()).getBytes(StandardCharsets.UTF_8));
        URI endpoint = URI.create(gateway.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(gateway.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        for (String phone : phones) {
            String form = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                    + "&From=" + URLEncoder.encode(gateway.from(), StandardCharsets.UTF_8)
                    + "&Body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
            post(
                    "The SMS gateway",
                    HttpRequest.newBuilder(endpoint)
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
        }
        log.info("SMS sent to {} number(s)", phones.size());
    }

    private void post(String who, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new NotificationFailedException(who + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new NotificationFailedException(who + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while calling " + who);
        }
    }

    static String smsText(Notification notification) {
        String text = notification.subject();
        if (!notification.links().isEmpty()) {
            Notification.Link first = notification.links().get(0);
            text += "\n" + first.label() + ": " + first.url();
        }
        return text;
    }

    static String plainText(Notification notification) {
        StringBuilder links = new StringBuilder();
        for (Notification.Link link : notification.links()) {
            links.append("\n").append(link.label()).append(": ").append(link.url());
        }
        return TEXT_TEMPLATE.replace("{{links}}", links).replace("{{text}}", notification.text());
    }

    static String html(Notification notification) {
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : notification.text().split("\n")) {
            paragraphs
                    .append("<p style=\"margin: 0 0 8px;\">")
                    .append(escape(paragraph))
                    .append("</p>\n");
        }
        StringBuilder buttons = new StringBuilder();
        for (Notification.Link link : notification.links()) {
            buttons.append("<a href=\"")
                    .append(escape(link.url().toString()))
                    .append("\" style=\"display: inline-block; padding: 10px 16px; margin: 0 8px 8px 0;"
                            + " background: #3f51b5; color: #ffffff; text-decoration: none; border-radius: 4px;\">")
                    .append(escape(link.label()))
                    .append("</a>");
        }
        return HTML_TEMPLATE
                .replace("{{buttons}}", buttons)
                .replace("{{paragraphs}}", paragraphs)
                .replace("{{subject}}", escape(notification.subject()));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String template(String name) {
        try (var in = Notifier.class.getResourceAsStream("/notify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the email template notify/" + name + " is missing", e);
        }
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
