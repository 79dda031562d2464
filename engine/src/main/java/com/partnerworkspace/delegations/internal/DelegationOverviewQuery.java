package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.delegations.DelegationOverview;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class DelegationOverviewQuery implements DelegationOverview {

    private final DelegationRepository repository;

    DelegationOverviewQuery(DelegationRepository repository) {
        this.repository = repository;
    }

    @Override
    public Overview of(String partner, Instant now, Duration expiringWithin) {
        List<Delegation> all = repository.ofPartner(partner);
        List<Grant> active = all.stream()
                .filter(d -> d.isLiveAt(now))
                .map(DelegationOverviewQuery::grant)
                .toList();
        List<Grant> expiringSoon = active.stream()
                .filter(g -> g.expiresAt().isBefore(now.plus(expiringWithin)))
                .toList();
        List<Request> waiting = all.stream()
                .filter(d ->
                        d.state() == DelegationState.AWAITING_MFA || d.state() == DelegationState.AWAITING_APPROVAL)
                .map(d -> new Request(
                        d.id(),
                        d.delegateLabel(),
                        d.scopes(),
                        d.requestedAt(),
                        d.state() == DelegationState.AWAITING_MFA ? "partner-mfa" : "approvers"))
                .toList();
        return new Overview(active, expiringSoon, waiting);
    }

    private static Grant grant(Delegation d) {
        return new Grant(d.id(), d.delegateLabel(), d.scopes(), d.connection(), d.expiresAt());
    }
}
