package com.partnerworkspace.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.notify.OutboundTargets.RefusedTargetException;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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
    static final String WRITE_TIMEOUT = "mail.smtp.writetimeout";
    static final String WRITE_TIMEOUT_EXECUTOR = "mail.smtp.executor.writetimeout";
    private static final String HTML_TEMPLATE = template("email.html");
    private static final String TEXT_TEMPLATE = template("email.txt");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final ContentType FORM =
            ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8);

    private final JavaMailSender mail;
    private final NotifyProperties properties;
    private final ObjectMapper json;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "smtp-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    Notifier(JavaMailSender mail, NotifyProperties properties, ObjectMapper json, OutboundTargets targets) {
        useMailStreamProviderDirectly();
        shareWriteTimeoutThread(mail, writeTimeouts);
        this.mail = mail;
        this.properties = properties;
        this.json = json;
        this.http = guardedClient(targets, properties.callsPerHost());
    }

    /**
     * The HTTP client for Slack and the SMS gateway: it resolves each host itself, refuses internal and
     * stack addresses ({@link OutboundTargets}) and connects only to the addresses it checked, so a name
     * that resolves elsewhere a moment later (DNS rebinding) gains nothing. No redirects are followed (a
     * public host could point onward to an internal one), no proxy, no cookies, no automatic retries.
     * Up to {@code callsPerHost} calls to one host at once (Slack's webhooks all share one), two hosts' worth
     * in all: Slack and the SMS gateway.
     */
    private static CloseableHttpClient guardedClient(OutboundTargets targets, int callsPerHost) {
        Timeout timeout = Timeout.of(CALL_TIMEOUT);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(targets))
                        .setMaxConnPerRoute(callsPerHost)
                        .setMaxConnTotal(2 * callsPerHost)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
        writeTimeouts.shutdownNow();
    }

    /**
     * With {@code mail.smtp.writetimeout} set, Angus Mail starts a thread per SMTP connection to enforce it
     * unless it is given a scheduler to share ({@code mail.smtp.executor.writetimeout}, an object, not a
     * string): one email, one connection, one thread started and stopped. All connections share one here.
     */
    static void shareWriteTimeoutThread(JavaMailSender mail, ScheduledExecutorService scheduler) {
        if (mail instanceof JavaMailSenderImpl sender
                && sender.getJavaMailProperties().getProperty(WRITE_TIMEOUT) != null) {
            sender.getJavaMailProperties().put(WRITE_TIMEOUT_EXECUTOR, scheduler);
        }
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

    /**
     * A flat multipart/alternative (text, then HTML), quoted-printable. Spring's helper nests it in
     * multipart/mixed and multipart/related (room for attachments and inline images, which these emails never
     * have) and leaves the encoding for Jakarta Mail to find by reading every part through: both showed in a
     * profile of the alert deliveries.
     */
    private MimeMessage mimeMessage(String address, String subject, String text, String html) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(address);
            helper.setSubject(subject);
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(textPart(text, "plain"));
            alternatives.addBodyPart(textPart(html, "html"));
            message.setContent(alternatives);
        } catch (MessagingException e) {
            log.warn("Cannot build the email to {}: {}", address, e.getMessage());
            throw new NotificationFailedException();
        }
        return message;
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
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
        post("Slack", target("Slack", webhookUrl), new StringEntity(body, ContentType.APPLICATION_JSON), Map.of());
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
        URI endpoint = target(
                "The SMS gateway",
                gateway.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                        + URLEncoder.encode(gateway.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        for (String phone : phones) {
            String form = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                    + "&From=" + URLEncoder.encode(gateway.from(), StandardCharsets.UTF_8)
                    + "&Body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
            post(
                    "The SMS gateway",
                    endpoint,
                    new StringEntity(form, FORM),
                    Map.of(HttpHeaders.AUTHORIZATION, "Basic " + auth));
        }
        log.info("SMS sent to {} number(s)", phones.size());
    }

    /** The URL to call; one that does not parse fails the send like any other unusable target. */
    private static URI target(String who, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw failed(who, uri, "not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw failed(who, null, "not a URL");
        }
    }

    /**
     * One POST through the guarded client. Whatever goes wrong, callers (and through them partners) learn
     * only that it could not be delivered: status codes, "unreachable" and exception texts would let a
     * typed URL scan the network. The details go to the server log, without the URL's path (a Slack
     * webhook's path is its secret).
     */
    private void post(String who, URI target, StringEntity body, Map<String, String> headers) {
        HttpPost request = new HttpPost(target);
        headers.forEach(request::setHeader);
        request.setEntity(body);
        int status;
        try {
            status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (RefusedTargetException e) {
            throw failed(who, target, "refused before connecting: " + e.getMessage());
        } catch (IOException e) {
            throw failed(who, target, "unreachable: " + e.getMessage());
        }
        if (status / 100 != 2) {
            throw failed(who, target, "answered HTTP " + status);
        }
    }

    private static NotificationFailedException failed(String who, URI target, String detail) {
        log.warn("{} at {} could not be reached: {}", who, origin(target), detail);
        return new NotificationFailedException();
    }

    /** Scheme, host and port only. */
    static String origin(URI target) {
        if (target == null || target.getHost() == null) {
            return "(no host)";
        }
        return target.getScheme() + "://" + target.getHost() + ":" + OutboundTargets.port(target);
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

    /** What a partner may learn of a failed send: that it could not be delivered, nothing about why. */
    public static final String COULD_NOT_DELIVER = "could not deliver";

    public static class NotificationFailedException extends RuntimeException {
        NotificationFailedException() {
            super(COULD_NOT_DELIVER);
        }
    }
}
