package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.security.PartnerAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    static final List<String> CHANNELS = List.of("email", "slack", "sms");
    private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

    record Delivery(int level, String channel, String recipient, Instant at, String outcome, String detail) {}

    /** The outcome of one try on one channel. */
    enum Attempt {
        SENT,
        SENT_BEFORE,
        SKIPPED,
        FAILED,
        GAVE_UP
    }

    /** Who a level reaches on each channel; an empty Slack URL means the workspace's webhook. */
    record Audience(List<String> emails, String slackUrl, List<String> phones) {}

    private final JdbcClient db;
    private final AlertPreferencesStore preferences;
    private final Notifier notifier;
    private final SmsGatewaySetting smsGateway;
    private final KeycloakDirectory directory;
    private final PartnerAccess partnerAccess;
    private final AckLinks ackLinks;
    private final AlertPolicy policy;
    private final TransactionTemplate separately;
    private final String publicUrl;
    private final Clock clock;

    AlertDeliveries(
            JdbcClient db,
            AlertPreferencesStore preferences,
            Notifier notifier,
            SmsGatewaySetting smsGateway,
            KeycloakDirectory directory,
            PartnerAccess partnerAccess,
            AckLinks ackLinks,
            AlertPolicy policy,
            PlatformTransactionManager transactions,
            @Value("${workspace.public-url}") String publicUrl,
            Clock clock) {
        this.db = db;
        this.preferences = preferences;
        this.notifier = notifier;
        this.smsGateway = smsGateway;
        this.directory = directory;
        this.partnerAccess = partnerAccess;
        this.ackLinks = ackLinks;
        this.policy = policy;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * Sends the level on each channel (comma-separated, from the alert-routing DMN). Level 1 reaches the
     * partner's team; from level 2 on also the backup contacts (operations).
     *
     * @throws RuntimeException when a channel failed and may still work (after logging it), so the job is retried
     */
    void deliver(Alert alert, int level, String channels) {
        Audience audience = audience(alert.partner(), level);
        RuntimeException failure = null;
        for (String channel : channels.split(",")) {
            try {
                deliverOrFallBack(alert, level, channel.strip(), audience);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One try on each channel with a test message to the partner's own audience; nothing is logged. */
    List<Delivery> test(String partner, List<String> channels, String requestedBy) {
        Audience audience = audience(partner, 1);
        Notification message = new Notification(
                "[TEST] Alert channel check for " + partner,
                "This is a test requested by " + requestedBy + ". If you read this, alerts reach you here.",
                List.of(new Link("Open Partner Workspace", URI.create(publicUrl + "/alerts"))));
        List<Delivery> results = new ArrayList<>();
        for (String channel : channels) {
            String recipient = recipient(channel, audience);
            String skip = unavailable(channel, audience);
            if (skip != null) {
                results.add(new Delivery(0, channel, recipient, clock.instant(), "SKIPPED", skip));
                continue;
            }
            try {
                send(channel, audience, message);
                results.add(new Delivery(0, channel, recipient, clock.instant(), "SENT", null));
            } catch (RuntimeException e) {
                results.add(new Delivery(0, channel, recipient, clock.instant(), "FAILED", failure(channel, e)));
            }
        }
        return results;
    }

    /** A message for the partner's people by email (not an alert level: nothing is logged). */
    void tellPartner(String partner, String subject, String text) {
        Audience audience = audience(partner, 1);
        notifier.email(
                audience.emails(),
                new Notification(
                        subject, text, List.of(new Link("Alert settings", URI.create(publicUrl + "/alerts")))));
    }

    List<Delivery> of(String alertId) {
        return db.sql("select * from alert_delivery where alert_id = :id order by at, level, channel")
                .param("id", alertId)
                .query((rs, row) -> new Delivery(
                        rs.getInt("level"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        AlertRepository.instant(rs, "at"),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list();
    }

    private void deliverOrFallBack(Alert alert, int level, String channel, Audience audience) {
        Attempt attempt = attempt(alert, level, channel, audience, null);
        if (attempt != Attempt.GAVE_UP) {
            return;
        }
        for (String fallback : after(channel)) {
            switch (attempt(alert, level, fallback, audience, "fallback for " + channel)) {
                case SENT, SENT_BEFORE -> {
                    return;
                }
                case SKIPPED, GAVE_UP, FAILED -> {
                    // FAILED throws before it gets here; the others: try the next channel
                }
            }
        }
        // Every channel gave up or is not set up: the log says so, and the next level (or ops) takes over.
    }

    /** The other channels, in order after this one. */
    private static List<String> after(String channel) {
        int at = CHANNELS.indexOf(channel);
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < CHANNELS.size(); i++) {
            rest.add(CHANNELS.get((at + i) % CHANNELS.size()));
        }
        return rest;
    }

    /** One try on one channel, committed on its own with its log entry; FAILED is thrown. */
    private Attempt attempt(Alert alert, int level, String channel, Audience audience, String note) {
        Attempt attempt = separately.execute(status -> {
            Row row = claimed(alert.id(), level, channel, recipient(channel, audience))
                    ? new Row("PENDING", 0)
                    : lock(alert.id(), level, channel);
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
            String skip = unavailable(channel, audience);
            if (skip != null) {
                record(alert.id(), level, channel, "SKIPPED", note == null ? skip : note + ": " + skip, row.attempts());
                return Attempt.SKIPPED;
            }
            try {
                send(channel, audience, message(alert, level, channel));
                record(alert.id(), level, channel, "SENT", note, row.attempts());
                return Attempt.SENT;
            } catch (RuntimeException e) {
                int attempts = row.attempts() + 1;
                boolean givingUp = attempts >= policy.deliveryAttempts();
                String detail = (givingUp ? "gave up after " + attempts + " attempts: " : "attempt " + attempts + ": ")
                        + failure(channel, e);
                // Committed with this transaction: the log tells the story even though the job retries.
                record(
                        alert.id(),
                        level,
                        channel,
                        givingUp ? "GAVE_UP" : "FAILED",
                        note == null ? detail : note + "; " + detail,
                        attempts);
                return givingUp ? Attempt.GAVE_UP : Attempt.FAILED;
            }
        });
        if (attempt == Attempt.FAILED) {
            throw new DeliveryFailedException(channel);
        }
        return attempt;
    }

    private void send(String channel, Audience audience, Notification message) {
        switch (channel) {
            case "email" -> notifier.email(audience.emails(), message);
            case "slack" -> {
                if (audience.slackUrl().isEmpty()) {
                    notifier.slack(message);
                } else {
                    notifier.slack(audience.slackUrl(), message);
                }
            }
            case "sms" -> notifier.sms(smsGateway.current().orElseThrow(), audience.phones(), message);
            default -> throw new IllegalStateException("no channel " + channel);
        }
    }

    /**
     * What the partner learns of a failed send: that it could not be delivered. Status codes, "unreachable"
     * and exception texts stay in the server log (the notifier logs its own failures).
     */
    private static String failure(String channel, RuntimeException e) {
        if (!(e instanceof Notifier.NotificationFailedException)) {
            log.warn("Delivery on {} failed: {}", channel, e.toString());
        }
        return Notifier.COULD_NOT_DELIVER;
    }

    /** Why the channel cannot reach anyone, or null when it can. */
    private String unavailable(String channel, Audience audience) {
        return switch (channel) {
            case "email" -> audience.emails().isEmpty() ? "nobody of the partner has an email address" : null;
            case "slack" ->
                audience.slackUrl().isEmpty() && !notifier.slackConfigured() ? "no Slack webhook is set up" : null;
            case "sms" -> {
                if (audience.phones().isEmpty()) {
                    yield "no phone number is set up";
                }
                yield smsGateway.current().isEmpty() ? "no SMS gateway is set up" : null;
            }
            default -> "no channel " + channel;
        };
    }

    private static String recipient(String channel, Audience audience) {
        return switch (channel) {
            case "email" -> String.join(", ", audience.emails());
            case "sms" -> String.join(", ", audience.phones());
            default -> channel;
        };
    }

    record Row(String outcome, int attempts) {}

    /**
     * Creates the row if there is none: then this transaction holds it until it commits (a second node
     * inserting the same key waits, then fails and its job is retried, finding the row). False when the
     * row existed already; {@link #lock} then takes it.
     */
    private boolean claimed(String alertId, int level, String channel, String recipient) {
        return db.sql("""
                        insert into alert_delivery (alert_id, level, channel, recipient, outcome, at, attempts)
                        select :id, :level, :channel, :recipient, 'PENDING', :at, 0
                        where not exists (select 1 from alert_delivery where alert_id = :id and level = :level and channel = :channel)""")
                        .param("id", alertId)
                        .param("level", level)
                        .param("channel", channel)
                        .param("recipient", recipient.length() > 500 ? recipient.substring(0, 500) : recipient)
                        .param("at", AlertRepository.time(clock.instant()))
                        .update()
                == 1;
    }

    private Row lock(String alertId, int level, String channel) {
        return db.sql(
                        "select outcome, attempts from alert_delivery where alert_id = :id and level = :level and channel = :channel for update")
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .query((rs, row) -> new Row(rs.getString("outcome"), rs.getInt("attempts")))
                .single();
    }

    private void record(String alertId, int level, String channel, String outcome, String detail, int attempts) {
        db.sql("""
                        update alert_delivery set outcome = :outcome, detail = :detail, at = :at, attempts = :attempts
                        where alert_id = :id and level = :level and channel = :channel""")
                .param("outcome", outcome)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("at", AlertRepository.time(clock.instant()))
                .param("attempts", attempts)
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .update();
    }

    /**
     * The contacts the partner chose if they set some, else the partner's own users, and the delegates
     * holding a live alerts:manage grant (a teammate without one hears nothing); from level 2 on also the
     * backup contact and operations.
     */
    private Audience audience(String partner, int level) {
        AlertPreferences.Channels own = preferences.of(partner).preferences().channels();
        List<String> emails = new ArrayList<>(own.emails());
        List<String> phones = new ArrayList<>(own.phones());
        if (emails.isEmpty()) {
            directory.ownUsersOf(partner).stream().map(Person::email).forEach(emails::add);
        }
        delegatesHolding(partner).forEach(emails::add);
        if (level >= 2) {
            String backup = own.backupContact();
            (backup.startsWith("+") ? phones : emails).add(backup);
            directory.withRole("ops").stream().map(Person::email).forEach(emails::add);
        }
        return new Audience(clean(emails), own.slackWebhookUrl(), clean(phones));
    }

    private Stream<String> delegatesHolding(String partner) {
        return partnerAccess.delegatesHolding(partner, AlertService.ALERTS_SCOPE).stream()
                .map(directory::find)
                .flatMap(Optional::stream)
                .map(Person::email);
    }

    private static List<String> clean(List<String> values) {
        return values.stream()
                .filter(Objects::nonNull)
                .filter(value -> !value.isBlank())
                .distinct()
                .toList();
    }

    private Notification message(Alert alert, int level, String channel) {
        String prefix = level >= 2 ? "[Escalated, level " + level + "] " : "";
        URI ack = URI.create(publicUrl + "/ack/" + ackLinks.create(alert.id(), level, channel));
        return new Notification(
                prefix + "[" + alert.severity() + "] " + alert.summary(),
                "Partner " + alert.partner() + ": " + alert.summary() + " (" + alert.type() + ", " + alert.resource()
                        + ").\nIt escalates until someone acknowledges it.",
                List.of(
                        new Link("Acknowledge", ack),
                        new Link("Open in Partner Workspace", URI.create(publicUrl + "/alerts"))));
    }

    static class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String channel) {
            super("Delivery on " + channel + " failed; it is retried (see the delivery log)");
        }
    }
}
