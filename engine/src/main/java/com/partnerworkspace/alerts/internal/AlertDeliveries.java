package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.internal.DeliveryLog.Delivery;
import com.partnerworkspace.alerts.internal.DeliveryLog.Row;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one level of an alert on its channels. Each (alert, level, channel) is sent at most once: its
 * delivery-log row is the idempotency key, locked while sending, so a retried job or a second engine
 * node finds it SENT and sends nothing. Each send and its log entry commit on their own, so the log
 * keeps failures even when the job rolls back for a retry. A channel that fails
 * {@code workspace.alerts.delivery-attempts} times gives up and falls back to the next channel.
 */
@Component
class AlertDeliveries {

    private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

    /** The outcome of one try on one channel. */
    enum Attempt {
        SENT,
        SENT_BEFORE,
        SKIPPED,
        FAILED,
        GAVE_UP
    }

    private final DeliveryLog deliveryLog;
    private final Recipients recipients;
    private final AlertMessages messages;
    private final Channels channels;
    private final Notifier notifier;
    private final AlertPolicy policy;
    private final TransactionTemplate separately;
    private final Clock clock;

    AlertDeliveries(
            DeliveryLog deliveryLog,
            Recipients recipients,
            AlertMessages messages,
            Channels channels,
            Notifier notifier,
            AlertPolicy policy,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.deliveryLog = deliveryLog;
        this.recipients = recipients;
        this.messages = messages;
        this.channels = channels;
        this.notifier = notifier;
        this.policy = policy;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Sends the level on each channel (comma-separated, from the alert-routing DMN). Level 1 reaches the
     * partner's team; from level 2 on also the backup contacts (operations).
     *
     * @throws RuntimeException when a channel failed and may still work (after logging it), so the job is retried
     */
    void deliver(Alert alert, int level, String routed) {
        Recipients.Audience audience = recipients.of(alert.partner(), level);
        RuntimeException failure = null;
        for (String name : routed.split(",")) {
            try {
                deliverOrFallBack(alert, level, channel(name.strip()), audience);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One try on each channel with a test message to the partner's own audience; nothing is logged. */
    List<Delivery> test(String partner, List<String> names, String requestedBy) {
        Recipients.Audience audience = recipients.of(partner, 1);
        Notification message = messages.channelTest(partner, requestedBy);
        List<Delivery> results = new ArrayList<>();
        for (String name : names) {
            Channel channel = channel(name);
            results.add(testOne(channel, audience, message));
        }
        return results;
    }

    private Delivery testOne(Channel channel, Recipients.Audience audience, Notification message) {
        String recipient = channel.recipient(audience);
        Optional<String> skip = channel.unavailable(audience);
        if (skip.isPresent()) {
            return new Delivery(0, channel.name(), recipient, clock.instant(), "SKIPPED", skip.get());
        }
        try {
            channel.send(audience, message);
            return new Delivery(0, channel.name(), recipient, clock.instant(), "SENT", null);
        } catch (RuntimeException e) {
            return new Delivery(0, channel.name(), recipient, clock.instant(), "FAILED", failure(channel, e));
        }
    }

    /** A message for the partner's people by email (not an alert level: nothing is logged). */
    void tellPartner(String partner, Notification message) {
        notifier.email(recipients.of(partner, 1).emails(), message);
    }

    private Channel channel(String name) {
        return channels.named(name).orElseThrow(() -> new IllegalStateException("no channel " + name));
    }

    private void deliverOrFallBack(Alert alert, int level, Channel channel, Recipients.Audience audience) {
        if (attempt(alert, level, channel, audience, null) != Attempt.GAVE_UP) {
            return;
        }
        for (Channel fallback : channels.after(channel)) {
            Attempt attempt = attempt(alert, level, fallback, audience, "fallback for " + channel.name());
            if (attempt == Attempt.SENT || attempt == Attempt.SENT_BEFORE) {
                return;
            }
            // SKIPPED or GAVE_UP: try the next channel (FAILED throws before it gets here)
        }
        // Every channel gave up or is not set up: the log says so, and the next level (or ops) takes over.
    }

    /** One try on one channel, committed on its own with its log entry; FAILED is thrown. */
    private Attempt attempt(Alert alert, int level, Channel channel, Recipients.Audience audience, String note) {
        Attempt attempt = separately.execute(status -> attemptLogged(alert, level, channel, audience, note));
        if (attempt == Attempt.FAILED) {
            throw new DeliveryFailedException(channel.name());
        }
        return attempt;
    }

    private Attempt attemptLogged(Alert alert, int level, Channel channel, Recipients.Audience audience, String note) {
        String name = channel.name();
        Row row = deliveryLog.claim(alert.id(), level, name, channel.recipient(audience), clock.instant())
                ? new Row("PENDING", 0)
                : deliveryLog.lock(alert.id(), level, name);
        switch (row.outcome()) {
            case "SENT":
                return Attempt.SENT_BEFORE;
            case "SKIPPED":
                return Attempt.SKIPPED;
            case "GAVE_UP":
                return Attempt.GAVE_UP;
            default:
                break;
        }
        Optional<String> skip = channel.unavailable(audience);
        if (skip.isPresent()) {
            write(alert, level, name, new Row("SKIPPED", row.attempts()), joined(note, ": ", skip.get()));
            return Attempt.SKIPPED;
        }
        try {
            channel.send(audience, messages.level(alert, level, name));
            write(alert, level, name, new Row("SENT", row.attempts()), note);
            return Attempt.SENT;
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1;
            boolean givingUp = attempts >= policy.deliveryAttempts();
            String detail = (givingUp ? "gave up after " + attempts + " attempts: " : "attempt " + attempts + ": ")
                    + failure(channel, e);
            // Committed with this transaction: the log tells the story even though the job retries.
            write(alert, level, name, new Row(givingUp ? "GAVE_UP" : "FAILED", attempts), joined(note, "; ", detail));
            return givingUp ? Attempt.GAVE_UP : Attempt.FAILED;
        }
    }

    private void write(Alert alert, int level, String channel, Row row, String detail) {
        deliveryLog.record(alert.id(), level, channel, row, detail, clock.instant());
    }

    private static String joined(String note, String separator, String detail) {
        return note == null ? detail : note + separator + detail;
    }

    /**
     * What the partner learns of a failed send: that it could not be delivered. Status codes, "unreachable"
     * and exception texts stay in the server log (the notifier logs its own failures).
     */
    private static String failure(Channel channel, RuntimeException e) {
        if (!(e instanceof Notifier.NotificationFailedException)) {
            log.warn("Delivery on {} failed: {}", channel.name(), e.toString());
        }
        return Notifier.COULD_NOT_DELIVER;
    }

    static class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String channel) {
            super("Delivery on " + channel + " failed; it is retried (see the delivery log)");
        }
    }
}
