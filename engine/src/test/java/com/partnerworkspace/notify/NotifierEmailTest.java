package com.partnerworkspace.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.MailServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Emails through the in-JVM SMTP server, with the write timeout the product configures: each email opens a
 * connection, and the timeout no longer starts a thread of its own for each (the server still does).
 */
class NotifierEmailTest {

    private static final int EMAILS = 20;

    @Test
    void aWriteTimeoutCostsNoThreadPerConnection() throws IOException {
        MailServer server = MailServer.shared();
        JavaMailSenderImpl sender = sender();
        sender.getJavaMailProperties().setProperty(Notifier.WRITE_TIMEOUT, "5000");
        Notifier notifier = notifier(sender);
        String address = "threads-" + UUID.randomUUID() + "@partner-workspace.test";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            notifier.email(List.of(address), new Notification("Warm-up", "text", List.of()));
            long startedBefore = threads.getTotalStartedThreadCount();

            for (int i = 0; i < EMAILS; i++) {
                notifier.email(List.of(address), new Notification("Email " + i, "text", List.of()));
            }

            long started = threads.getTotalStartedThreadCount() - startedBefore;
            assertThat(started)
                    .as("threads started for %d emails: the SMTP server's one per connection, no more", EMAILS)
                    .isLessThan(EMAILS + EMAILS / 2);
            server.awaitMail(address, mail -> mail.subject().equals("Email " + (EMAILS - 1)), Duration.ofSeconds(10));
        } finally {
            notifier.close();
        }
    }

    /** Text and HTML side by side, whatever the characters and however long the lines. */
    @Test
    void anEmailCarriesItsTextAndItsHtml() throws IOException {
        Notifier notifier = notifier(sender());
        String address = "parts-" + UUID.randomUUID() + "@partner-workspace.test";
        String text = "Nikhil's token for Zerodha (₹ account, Mumbai) expires in 3 days — "
                + "rotate it before the market opens: https://workspace.example/connections/" + "x".repeat(80);
        try {
            notifier.email(
                    List.of(address),
                    new Notification(
                            "Token expires — Zerodha",
                            text,
                            List.of(new Notification.Link("Rotate", URI.create("https://workspace.example/r")))));

            MailServer.Mail mail = MailServer.shared()
                    .awaitMail(address, m -> m.subject().equals("Token expires — Zerodha"), Duration.ofSeconds(10));
            assertThat(mail.body()).contains(text).contains("https://workspace.example/r");
            assertThat(mail.html())
                    .contains("Zerodha (₹ account, Mumbai)")
                    .contains("href=\"https://workspace.example/r\"");
        } finally {
            notifier.close();
        }
    }

    /** A mail sender for the in-JVM SMTP server, as Spring Boot builds one from {@code spring.mail.*}. */
    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(MailServer.shared().port());
        return sender;
    }

    private static Notifier notifier(JavaMailSenderImpl sender) {
        return new Notifier(
                sender,
                new NotifyProperties("Partner Workspace <no-reply@partner-workspace.local>", "", List.of(), 12),
                new ObjectMapper(),
                new OutboundTargets(List.of(), Set.of()));
    }
}
