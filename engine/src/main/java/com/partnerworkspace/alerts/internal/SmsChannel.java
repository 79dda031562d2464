package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notifier;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Through the gateway ops keep in Vault. */
@Component
@Order(3)
class SmsChannel implements Channel {

    private final Notifier notifier;
    private final SmsGatewaySetting gateway;

    SmsChannel(Notifier notifier, SmsGatewaySetting gateway) {
        this.notifier = notifier;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public String recipient(Recipients.Audience audience) {
        return String.join(", ", audience.phones());
    }

    @Override
    public Optional<String> unavailable(Recipients.Audience audience) {
        if (audience.phones().isEmpty()) {
            return Optional.of("no phone number is set up");
        }
        return gateway.current().isEmpty() ? Optional.of("no SMS gateway is set up") : Optional.empty();
    }

    @Override
    public void send(Recipients.Audience audience, Notification message) {
        notifier.sms(gateway.current().orElseThrow(), audience.phones(), message);
    }
}
