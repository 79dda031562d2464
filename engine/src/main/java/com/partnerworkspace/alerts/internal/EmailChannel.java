package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notifier;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(1)
class EmailChannel implements Channel {

    private final Notifier notifier;

    EmailChannel(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String recipient(Recipients.Audience audience) {
        return String.join(", ", audience.emails());
    }

    @Override
    public Optional<String> unavailable(Recipients.Audience audience) {
        return audience.emails().isEmpty()
                ? Optional.of("nobody of the partner has an email address")
                : Optional.empty();
    }

    @Override
    public void send(Recipients.Audience audience, Notification message) {
        notifier.email(audience.emails(), message);
    }
}
