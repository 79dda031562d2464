package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * keeps failures even when the job rolls back for a retry.
 */
@Component
class AlertDeliveries {

    record Delivery(int level, String channel, String recipient, Instant at, String outcome, String detail) {}

    private final JdbcClient db;
    private final AlertPreferencesStore preferences;
    private final Notifier notifier;
    private final KeycloakDirectory directory;
    private final TransactionTemplate separately;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();

    AlertDeliveries(
            JdbcClient db,
            AlertPreferencesStore preferences,
            Notifier notifier,
            KeycloakDirectory directory,
            PlatformTransactionManager transactions,
            @Value("${workspace.public-url}") String publicUrl) {
        this.db = db;
        this.preferences = preferences;
        this.notifier = notifier;
        this.directory = directory;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.publicUrl = publicUrl;
    }

    /**
     * Sends the level on each channel (comma-separated, from the alert-routing DMN). Level 1 reaches the
     * partner's team; from level 2 on also the backup contacts (operations).
     *
     * @throws RuntimeException when a channel failed (after logging it), so the job is retried
     */
    void deliver(Alert alert, int level, String channels) {
        AlertPreferences.Channels own =
                preferences.of(alert.partner()).preferences().channels();
        List<String> emails = recipients(alert, level, own);
        RuntimeException failure = null;
        for (String channel : channels.split(",")) {
            try {
                deliverOnce(alert, level, channel.strip(), own, emails);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
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

    private void deliverOnce(
            Alert alert, int level, String channel, AlertPreferences.Channels own, List<String> emails) {
        String recipient = channel.equals("email") ? String.join(", ", emails) : channel;
        RuntimeException failure = separately.execute(status -> {
            claim(alert.id(), level, channel, recipient);
            if (outcome(alert.id(), level, channel).filter("SENT"::equals).isPresent()) {
                return null;
            }
            Notification message = message(alert, level);
            if (channel.equals("email") && emails.isEmpty()) {
                record(alert.id(), level, channel, "SKIPPED", "nobody of the partner has an email address");
                return null;
            }
            if (channel.equals("slack") && own.slackWebhookUrl().isEmpty() && !notifier.slackConfigured()) {
                record(alert.id(), level, channel, "SKIPPED", "no Slack webhook is set up");
                return null;
            }
            try {
                switch (channel) {
                    case "email" -> notifier.email(emails, message);
                    case "slack" -> {
                        if (own.slackWebhookUrl().isEmpty()) {
                            notifier.slack(message);
                        } else {
                            notifier.slack(own.slackWebhookUrl(), message);
                        }
                    }
                    default -> throw new IllegalStateException("no channel " + channel);
                }
                record(alert.id(), level, channel, "SENT", null);
                return null;
            } catch (RuntimeException e) {
                // Committed with this transaction: the log tells the story even though the job retries.
                record(alert.id(), level, channel, "FAILED", e.getMessage());
                return new DeliveryFailedException(channel, e);
            }
        });
        if (failure != null) {
            throw failure;
        }
    }

    /** The row exists (created once) and is locked by this transaction until it commits. */
    private void claim(String alertId, int level, String channel, String recipient) {
        db.sql("""
                        insert into alert_delivery (alert_id, level, channel, recipient, outcome, at)
                        select :id, :level, :channel, :recipient, 'PENDING', :at
                        where not exists (select 1 from alert_delivery where alert_id = :id and level = :level and channel = :channel)""")
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .param("recipient", recipient.length() > 500 ? recipient.substring(0, 500) : recipient)
                .param("at", AlertRepository.time(clock.instant()))
                .update();
    }

    private Optional<String> outcome(String alertId, int level, String channel) {
        return db.sql(
                        "select outcome from alert_delivery where alert_id = :id and level = :level and channel = :channel for update")
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .query(String.class)
                .optional();
    }

    private void record(String alertId, int level, String channel, String outcome, String detail) {
        db.sql("""
                        update alert_delivery set outcome = :outcome, detail = :detail, at = :at
                        where alert_id = :id and level = :level and channel = :channel""")
                .param("outcome", outcome)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("at", AlertRepository.time(clock.instant()))
                .param("id", alertId)
                .param("level", level)
                .param("channel", channel)
                .update();
    }

    /** The partner's own addresses if they set some, else its people; from level 2 on also the backups. */
    private List<String> recipients(Alert alert, int level, AlertPreferences.Channels own) {
        List<String> emails = new ArrayList<>(own.emails());
        if (emails.isEmpty()) {
            directory.peopleOfPartner(alert.partner()).stream()
                    .map(Person::email)
                    .forEach(emails::add);
        }
        if (level >= 2) {
            if (own.backupContact().contains("@")) {
                emails.add(own.backupContact());
            }
            directory.withRole("ops").stream().map(Person::email).forEach(emails::add);
        }
        return emails.stream().filter(Objects::nonNull).distinct().toList();
    }

    private Notification message(Alert alert, int level) {
        String prefix = level >= 2 ? "[Escalated, level " + level + "] " : "";
        return new Notification(
                prefix + "[" + alert.severity() + "] " + alert.summary(),
                "Partner " + alert.partner() + ": " + alert.summary() + " (" + alert.type() + ", " + alert.resource()
                        + ").\nIt escalates until someone acknowledges it.",
                List.of(new Link("Acknowledge in Partner Workspace", URI.create(publicUrl + "/alerts"))));
    }

    static class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String channel, RuntimeException cause) {
            super("Delivery on " + channel + " failed: " + cause.getMessage(), cause);
        }
    }
}
