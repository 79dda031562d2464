package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.workspace.internal.metrics.SeedMetrics;
import org.springframework.stereotype.Component;

/**
 * seed-metrics (ops): the seed's success measures on the ops dashboard — time to onboard each partner,
 * delegated-access decisions per month and partner satisfaction — the same figures as
 * {@code GET /api/metrics/seed}.
 */
@Component
class SeedMetricsWidget implements Widget {

    private final SeedMetrics metrics;

    SeedMetricsWidget(SeedMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String id() {
        return "seed-metrics";
    }

    @Override
    public boolean visibleTo(WorkspaceUser user) {
        return user.hasRole("ops");
    }

    @Override
    public boolean partnerScoped() {
        return false;
    }

    @Override
    public SeedMetrics.Metrics data(WidgetQuery query) {
        return metrics.now();
    }
}
