package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.PartnerAccessDeniedException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.stereotype.Component;

/** Each broker connection's state, token age, end of session or daily cut-off, and the action that fixes it. */
@Component
class BrokerConnectionsWidget implements Widget {

    static final String VIEW_SCOPE = "credentials:view-status";

    @Schema(description = "broker-connections: the partner's connections the caller may see")
    record BrokerConnectionsData(List<ConnectionStatus.Summary> connections) {}

    private final ConnectionStatus connections;
    private final PartnerAccess partnerAccess;

    BrokerConnectionsWidget(ConnectionStatus connections, PartnerAccess partnerAccess) {
        this.connections = connections;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String id() {
        return "broker-connections";
    }

    @Override
    public BrokerConnectionsData data(WidgetQuery query) {
        return new BrokerConnectionsData(visible(connections, partnerAccess, query));
    }

    /** The connections the caller sees; 403 when they may see neither the partner nor any of its connections. */
    static List<ConnectionStatus.Summary> visible(
            ConnectionStatus connections, PartnerAccess partnerAccess, WidgetQuery query) {
        List<ConnectionStatus.Summary> visible = connections.visibleTo(query.user(), query.partner());
        if (visible.isEmpty() && !partnerAccess.mayActFor(query.user(), query.partner(), VIEW_SCOPE)) {
            throw new PartnerAccessDeniedException(query.partner(), VIEW_SCOPE);
        }
        return visible;
    }
}
