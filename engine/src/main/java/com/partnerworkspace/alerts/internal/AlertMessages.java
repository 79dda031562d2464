package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The words of every message the alerts feature sends. */
@Component
class AlertMessages {

    private final AckLinks ackLinks;
    private final String publicUrl;

    AlertMessages(AckLinks ackLinks, @Value("${workspace.public-url}") String publicUrl) {
        this.ackLinks = ackLinks;
        this.publicUrl = publicUrl;
    }

    /** One level of an alert on one channel, with a link that acknowledges it without a login. */
    Notification level(Alert alert, int level, String channel) {
        String prefix = level >= 2 ? "[Escalated, level " + level + "] " : "";
        URI ack = URI.create(publicUrl + "/ack/" + ackLinks.create(alert.id(), level, channel));
        return new Notification(
                prefix + "[" + alert.severity() + "] " + alert.summary(),
                "Partner " + alert.partner() + ": " + alert.summary() + " (" + alert.type() + ", " + alert.resource()
                        + ").\nIt escalates until someone acknowledges it.",
                List.of(new Link("Acknowledge", ack), new Link("Open in Partner Workspace", alertsPage())));
    }

    Notification channelTest(String partner, String requestedBy) {
        return new Notification(
                "[TEST] Alert channel check for " + partner,
                "This is a test requested by " + requestedBy + ". If you read this, alerts reach you here.",
                List.of(new Link("Open Partner Workspace", alertsPage())));
    }

    Notification silenceEnded(AlertPreferences.Silence silence) {
        return new Notification(
                "Alert silence ended: " + describe(silence),
                "Your silence of " + describe(silence) + " (\"" + silence.reason() + "\") ended at " + silence.until()
                        + ". Alerts for it reach you again.",
                List.of(new Link("Alert settings", alertsPage())));
    }

    private static String describe(AlertPreferences.Silence silence) {
        if (silence.alertType() != null && silence.resource() != null) {
            return silence.alertType() + " alerts for " + silence.resource();
        }
        return silence.alertType() != null ? silence.alertType() + " alerts" : "alerts for " + silence.resource();
    }

    private URI alertsPage() {
        return URI.create(publicUrl + "/alerts");
    }
}
