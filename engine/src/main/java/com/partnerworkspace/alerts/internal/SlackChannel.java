package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notifier;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The partner's own webhook if they set one, else the workspace's. */
@Component
@Order(2)
class SlackChannel implements Channel {

    private final Notifier notifier;

    SlackChannel(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String recipient(Recipients.Audience audience) {
        return name();
    }

    @Override
    public Optional<String> unavailable(Recipients.Audience audience) {
        return audience.slackUrl().isEmpty() && !notifier.slackConfigured()
                ? Optional.of("no Slack webhook is set up")
                : Optional.empty();
    }

    @Override
    public void send(Recipients.Audience audience, Notification message) {
        if (audience.slackUrl().isEmpty()) {
            notifier.slack(message);
        } else {
            notifier.slack(audience.slackUrl(), message);
        }
    }
}
