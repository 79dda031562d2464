package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Connections as other features see them: the record's names, never its secrets. */
@Component
class PartnerConnections implements PartnerConnection.Source {

    private final ConnectionRepository repository;

    PartnerConnections(ConnectionRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<PartnerConnection> find(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return repository
                .find(id)
                .map(c -> new PartnerConnection(
                        c.id(), c.partner(), c.label(), c.storedState() == ConnectionState.REVOKED));
    }
}
