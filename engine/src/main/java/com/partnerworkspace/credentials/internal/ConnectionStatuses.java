package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

@Component
class ConnectionStatuses implements ConnectionStatus {

    private final ConnectionRepository repository;
    private final BrokerCatalogue brokers;
    private final PartnerAccess partnerAccess;
    private final Clock clock;

    ConnectionStatuses(
            ConnectionRepository repository, BrokerCatalogue brokers, PartnerAccess partnerAccess, Clock clock) {
        this.repository = repository;
        this.brokers = brokers;
        this.partnerAccess = partnerAccess;
        this.clock = clock;
    }

    @Override
    public List<Summary> visibleTo(WorkspaceUser user, String partner) {
        Instant now = clock.instant();
        return repository.ofPartner(partner).stream()
                .filter(c -> partnerAccess.mayActFor(user, partner, ConnectionService.VIEW_SCOPE, c.id()))
                .map(c -> summary(c, now))
                .toList();
    }

    @Override
    public List<PartnerCount> countsByPartner() {
        Instant now = clock.instant();
        Map<String, int[]> counts = new TreeMap<>();
        for (Connection c : repository.all()) {
            int[] count = counts.computeIfAbsent(c.partner(), p -> new int[2]);
            count[0]++;
            count[1] += actionFor(c, now) == null ? 0 : 1;
        }
        return counts.entrySet().stream()
                .map(e -> new PartnerCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private Summary summary(Connection c, Instant now) {
        Broker broker = brokers.find(c.broker()).orElse(null);
        ConnectionState state = broker == null ? c.storedState() : c.stateAt(now, broker);
        boolean dailyLogin = broker != null && !brokers.adapterFor(broker).supportsRefresh();
        return new Summary(
                c.id(),
                c.label(),
                c.broker(),
                broker == null ? c.broker() : broker.name(),
                state.name(),
                c.tokenIssuedAt(),
                c.tokenIssuedAt() == null
                        ? null
                        : Duration.between(c.tokenIssuedAt(), now).toSeconds(),
                c.expiresAt(),
                dailyLogin ? c.expiresAt() : null,
                c.nextRotationAt(),
                c.lastVerifiedAt(),
                actionFor(state, dailyLogin),
                state.guide);
    }

    private Action actionFor(Connection c, Instant now) {
        Broker broker = brokers.find(c.broker()).orElse(null);
        if (broker == null) {
            return null;
        }
        return actionFor(c.stateAt(now, broker), !brokers.adapterFor(broker).supportsRefresh());
    }

    /** Expired or unfinished: log in again; keys refused: new keys; ending soon: renew (or log in, daily brokers). */
    static Action actionFor(ConnectionState state, boolean dailyLogin) {
        return switch (state) {
            case EXPIRED, AWAITING_AUTHORISATION, BROKER_UNREACHABLE -> Action.RECONNECT;
            case KEYS_REJECTED -> Action.FIX;
            case EXPIRING -> dailyLogin ? Action.RECONNECT : Action.ROTATE;
            case ACTIVE, REVOKED -> null;
        };
    }
}
