package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertCleared;
import com.partnerworkspace.alerts.AlertRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes every raised alert after the raising transaction committed, in a transaction of its own. The
 * publication is kept in the database until this succeeds (and republished after a crash), so an alert
 * a feature raised is never lost, and a failing alert never rolls back the act that raised it.
 */
@Component
class AlertListener {

    private final AlertService alerts;

    AlertListener(AlertService alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(AlertRaised raised) {
        alerts.raise(raised);
    }

    @ApplicationModuleListener
    void on(AlertCleared cleared) {
        alerts.clear(cleared);
    }
}
