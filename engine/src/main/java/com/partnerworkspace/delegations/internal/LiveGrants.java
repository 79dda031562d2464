package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.DelegatedScopes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether a delegated scope counts right now, from the engine's records rather than the token: a grant
 * that expired or was revoked stops counting at once, even for a token issued while it was live. A grant
 * limited to one connection counts only where that connection is named.
 */
@Component
class LiveGrants implements DelegatedScopes {

    private final DelegationRepository repository;
    private final Clock clock;

    LiveGrants(DelegationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public boolean holds(String username, String partner, String scope) {
        return holds(username, partner, scope, null);
    }

    @Override
    public boolean holds(String username, String partner, String scope, String connectionId) {
        Instant now = clock.instant();
        return repository.activeFor(username).stream()
                .anyMatch(d -> d.partner().equals(partner)
                        && d.scopes().contains(scope)
                        && d.covers(connectionId)
                        && d.isLiveAt(now));
    }

    @Override
    public List<HeldScope> heldBy(String username) {
        Instant now = clock.instant();
        return repository.activeFor(username).stream()
                .filter(d -> d.isLiveAt(now))
                .flatMap(d -> d.scopes().stream()
                        .map(scope -> new HeldScope(d.partner(), scope, d.expiresAt(), d.connection())))
                .toList();
    }

    @Override
    public List<String> holdersOf(String partner, String scope) {
        return holdersOf(partner, scope, null);
    }

    @Override
    public List<String> holdersOf(String partner, String scope, String connectionId) {
        Instant now = clock.instant();
        return repository.activeOfPartner(partner).stream()
                .filter(d -> d.scopes().contains(scope) && d.covers(connectionId) && d.isLiveAt(now))
                .map(Delegation::delegate)
                .distinct()
                .sorted()
                .toList();
    }
}
