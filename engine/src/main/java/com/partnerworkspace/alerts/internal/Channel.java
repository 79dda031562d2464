package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.Notification;
import java.util.Optional;

/**
 * One way an alert reaches people (email, Slack, SMS): one bean per channel, named by {@link #name()} as
 * the alert-routing table and the channel test name it. Their {@code @Order} is the fallback order.
 */
interface Channel {

    String name();

    /** Who the channel reaches, as the delivery log shows it. */
    String recipient(Recipients.Audience audience);

    /** Why the channel cannot reach anyone in this audience, if it cannot. */
    Optional<String> unavailable(Recipients.Audience audience);

    /** @throws RuntimeException when the message was not delivered */
    void send(Recipients.Audience audience, Notification message);
}
