package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.alerts.OpenAlerts;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.stereotype.Component;

/** For ops: each partner with connections, how many need someone, and its alerts still open in the window. */
@Component
class PartnerOverviewWidget implements Widget {

    @Schema(description = "partner-overview (ops): partners with connections, those needing action, open alerts")
    record PartnerOverviewData(List<PartnerRow> partners) {}

    record PartnerRow(String partner, int connections, int connectionsNeedingAction, int openAlerts) {}

    private final ConnectionStatus connections;
    private final OpenAlerts alerts;

    PartnerOverviewWidget(ConnectionStatus connections, OpenAlerts alerts) {
        this.connections = connections;
        this.alerts = alerts;
    }

    @Override
    public String id() {
        return "partner-overview";
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
    public PartnerOverviewData data(WidgetQuery query) {
        return new PartnerOverviewData(connections.countsByPartner().stream()
                .map(count -> new PartnerRow(
                        count.partner(),
                        count.connections(),
                        count.needingAction(),
                        alerts.of(query.user(), count.partner(), query.since()).size()))
                .toList());
    }
}
