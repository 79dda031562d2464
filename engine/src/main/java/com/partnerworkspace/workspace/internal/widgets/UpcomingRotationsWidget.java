package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.security.PartnerAccess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What renews or ends next, in time order: scheduled rotations, and the logins due where nothing renews a
 * session (a broker's daily cut-off, or a session ending with no rotation planned).
 */
@Component
class UpcomingRotationsWidget implements Widget {

    enum Kind {
        ROTATION,
        LOGIN
    }

    @Schema(description = "upcoming-rotations: rotations and re-logins, soonest first")
    record UpcomingRotationsData(List<Upcoming> upcoming) {}

    record Upcoming(String connectionId, String label, String brokerName, Kind kind, Instant at) {}

    private final ConnectionStatus connections;
    private final PartnerAccess partnerAccess;

    UpcomingRotationsWidget(ConnectionStatus connections, PartnerAccess partnerAccess) {
        this.connections = connections;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String id() {
        return "upcoming-rotations";
    }

    @Override
    public UpcomingRotationsData data(WidgetQuery query) {
        List<Upcoming> upcoming = new ArrayList<>();
        for (ConnectionStatus.Summary c : BrokerConnectionsWidget.visible(connections, partnerAccess, query)) {
            if (!c.state().equals("ACTIVE") && !c.state().equals("EXPIRING")) {
                continue;
            }
            if (c.nextRotationAt() != null) {
                upcoming.add(new Upcoming(c.id(), c.label(), c.brokerName(), Kind.ROTATION, c.nextRotationAt()));
            } else if (c.expiresAt() != null) {
                upcoming.add(new Upcoming(c.id(), c.label(), c.brokerName(), Kind.LOGIN, c.expiresAt()));
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::at));
        return new UpcomingRotationsData(upcoming);
    }
}
