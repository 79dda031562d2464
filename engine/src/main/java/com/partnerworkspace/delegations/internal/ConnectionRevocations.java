package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.ConnectionRevoked;
import com.partnerworkspace.system.Retry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delegations limited to a connection end with it. Runs after the revocation's step committed; the
 * publication is kept until every such delegation has ended (and republished after a crash), so none is
 * forgotten.
 */
@Component
class ConnectionRevocations {

    private final DelegationRepository repository;
    private final DelegationService delegations;

    ConnectionRevocations(DelegationRepository repository, DelegationService delegations) {
        this.repository = repository;
        this.delegations = delegations;
    }

    @ApplicationModuleListener
    void on(ConnectionRevoked revoked) {
        for (Delegation delegation : repository.openLimitedTo(revoked.connectionId())) {
            Retry.onConcurrentChange(() -> {
                delegations.endWithConnection(delegation.id());
                return null;
            });
        }
    }
}
