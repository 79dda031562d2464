package com.partnerworkspace.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) inside the test JVM, started once per run: the engine sends to it, tests
 * read back what arrived, per recipient.
 */
public final class MailServer {

    private static MailServer shared;

    private final GreenMail greenMail;
    private final int port;

    private MailServer(int port) {
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static synchronized MailServer shared() {
        if (shared == null) {
            shared = new MailServer(freePort());
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public record Mail(String to, String subject, String body) {}

    public List<Mail> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(MailServer::mail)
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }

    /** Waits for a mail to the address that matches; fails after the timeout. */
    public Mail awaitMail(String address, Predicate<Mail> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Mail mail : mailsTo(address)) {
                if (matching.test(mail)) {
                    return mail;
                }
            }
            sleep();
        }
        throw new AssertionError("no matching mail to " + address + " within " + timeout + "; got " + mailsTo(address));
    }

    private static Mail mail(Message message) {
        try {
            return new Mail(
                    message.getAllRecipients()[0].toString(), message.getSubject(), GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
