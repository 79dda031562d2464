package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.alerts.OpenAlerts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Alerts that still need someone, counted by severity; acknowledging goes through the alerts API. */
@Component
class AlertsWidget implements Widget {

    @Schema(description = "alerts: open and acknowledged alerts raised in the window, by severity")
    record AlertsData(Map<String, Integer> bySeverity, List<OpenAlerts.Summary> alerts) {}

    private final OpenAlerts alerts;

    AlertsWidget(OpenAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public String id() {
        return "alerts";
    }

    /** Ops without a partner named see every partner's; anyone else without a partner is refused. */
    @Override
    public boolean spansPartners() {
        return true;
    }

    @Override
    public AlertsData data(WidgetQuery query) {
        List<OpenAlerts.Summary> open = query.partner() == null
                ? alerts.ofAllPartners(query.user(), query.since())
                : alerts.of(query.user(), query.partner(), query.since());
        Map<String, Integer> bySeverity = new TreeMap<>(Map.of("CRITICAL", 0, "WARNING", 0, "INFO", 0));
        open.forEach(alert -> bySeverity.merge(alert.severity(), 1, Integer::sum));
        return new AlertsData(bySeverity, open);
    }
}
