package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.credentials.BrokerLatency;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

/** The window's broker latency and errors in one figure against the SLA; the chart reads the latency API. */
@Component
class LatencyWidget implements Widget {

    @Schema(description = "latency: p50/p95 and errors over the window from the rollups, with the SLA")
    record LatencyData(BrokerLatency.LatencySummary summary) {}

    private final BrokerLatency latency;

    LatencyWidget(BrokerLatency latency) {
        this.latency = latency;
    }

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public LatencyData data(WidgetQuery query) {
        return new LatencyData(latency.summary(query.user(), query.partner(), query.window()));
    }
}
