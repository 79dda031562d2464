package com.partnerworkspace.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
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

    private GreenMail greenMail;
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

    /** Stops the SMTP server (connections are refused) — for fault tests; what it received is forgotten. */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Starts it again on the same port. */
    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public int port() {
        return port;
    }

    /** {@code body} is the plain text; {@code html} the HTML part, or null for a text-only mail. */
    public record Mail(String to, String subject, String body, String html) {}

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
                    message.getAllRecipients()[0].toString(), message.getSubject(), text(message), html(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a text + HTML email (decoded), or the body of a plain one. */
    private static String text(Message message) throws MessagingException, IOException {
        String text = message.getContent() instanceof Multipart multipart ? part(multipart, "text/plain") : null;
        return text != null ? text : GreenMailUtil.getBody(message);
    }

    private static String html(Message message) throws MessagingException, IOException {
        return message.getContent() instanceof Multipart multipart ? part(multipart, "text/html") : null;
    }

    /** The first part of the type, however deep the multiparts nest; null when there is none. */
    private static String part(Multipart multipart, String mimeType) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, mimeType);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
        }
        return null;
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
