package com.partnerworkspace.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one place that answers "may this user act for partner P?" and "is this token's MFA fresh enough?".
 * A user acts for a partner as its owner (role {@code partner} in {@code /partners/P}), as operations
 * staff, or as a delegate holding the named scope for P (see {@link DelegatedScopes}). Acts on one of
 * P's broker connections name it, so that a delegation limited to that connection counts as well.
 */
@Service
public class PartnerAccess {

    /** The {@code acr} of a token whose login included the OTP step-up. */
    public static final String MFA_ACR = "mfa";

    /** How a user may act for a partner, strongest first. */
    public enum Basis {
        OWNER,
        OPS,
        DELEGATE,
        NONE
    }

    private final ObjectProvider<DelegatedScopes> delegatedScopes;
    private final Clock clock;

    PartnerAccess(ObjectProvider<DelegatedScopes> delegatedScopes, Clock clock) {
        this.delegatedScopes = delegatedScopes;
        this.clock = clock;
    }

    /** Why (if at all) the user may act for the partner where the act needs {@code scope}. */
    public Basis basisFor(WorkspaceUser user, String partner, String scope) {
        return basisFor(user, partner, scope, null);
    }

    /**
     * As {@link #basisFor(WorkspaceUser, String, String)} for an act on the partner's connection
     * {@code connectionId} (null: the partner as a whole).
     */
    public Basis basisFor(WorkspaceUser user, String partner, String scope, String connectionId) {
        if (partner == null || partner.isBlank()) {
            return Basis.NONE;
        }
        if (user.hasRole("partner") && partner.equals(user.partner())) {
            return Basis.OWNER;
        }
        if (user.hasRole("ops")) {
            return Basis.OPS;
        }
        if (scope != null && holdsDelegated(user, partner, scope, connectionId)) {
            return Basis.DELEGATE;
        }
        return Basis.NONE;
    }

    /** Owner or ops: acts that are never delegated. */
    public boolean mayActFor(WorkspaceUser user, String partner) {
        return basisFor(user, partner, null) != Basis.NONE;
    }

    /** Owner, ops, or a delegate holding {@code scope} for the partner. */
    public boolean mayActFor(WorkspaceUser user, String partner, String scope) {
        return basisFor(user, partner, scope) != Basis.NONE;
    }

    /** Owner, ops, or a delegate holding {@code scope} for the partner or for its connection {@code connectionId}. */
    public boolean mayActFor(WorkspaceUser user, String partner, String scope, String connectionId) {
        return basisFor(user, partner, scope, connectionId) != Basis.NONE;
    }

    /** @throws PartnerAccessDeniedException (403) when the user may not act for the partner with this scope */
    public Basis requireMayActFor(WorkspaceUser user, String partner, String scope) {
        return requireMayActFor(user, partner, scope, null);
    }

    /**
     * @throws PartnerAccessDeniedException (403) when the user may not act on the partner's connection
     *     {@code connectionId} (null: the partner as a whole) with this scope
     */
    public Basis requireMayActFor(WorkspaceUser user, String partner, String scope, String connectionId) {
        Basis basis = basisFor(user, partner, scope, connectionId);
        if (basis == Basis.NONE) {
            throw new PartnerAccessDeniedException(partner, scope);
        }
        return basis;
    }

    /** The token comes from an OTP step-up ({@code acr} {@value #MFA_ACR}) made at most {@code maxAge} ago. */
    public boolean hasFreshMfa(WorkspaceUser user, Duration maxAge) {
        Instant authTime = user.authTime();
        if (!MFA_ACR.equals(user.acr()) || authTime == null) {
            return false;
        }
        Instant now = clock.instant();
        // A few seconds of clock skew between Keycloak and the engine are tolerated.
        return !authTime.isBefore(now.minus(maxAge)) && !authTime.isAfter(now.plusSeconds(30));
    }

    /** @throws StepUpRequiredException (401, RFC 9470) when the MFA step-up is missing or too old */
    public void requireFreshMfa(WorkspaceUser user, Duration maxAge) {
        if (!hasFreshMfa(user, maxAge)) {
            throw new StepUpRequiredException(maxAge);
        }
    }

    /**
     * The partners whose data the user may read with {@code scope}: every partner for ops, else their own
     * partner (as its owner) and the partners for which they hold the scope through a live delegation. A
     * teammate without a grant reaches nobody. Lists still check each item (a grant may cover less).
     */
    public Reach reachFor(WorkspaceUser user, String scope) {
        if (user.hasRole("ops")) {
            return Reach.EVERY_PARTNER;
        }
        Set<String> partners = new TreeSet<>();
        if (user.hasRole("partner") && user.partner() != null) {
            partners.add(user.partner());
        }
        delegatedScopesOf(user).stream()
                .filter(held -> held.scope().equals(scope))
                .map(DelegatedScopes.HeldScope::partner)
                .forEach(partners::add);
        return new Reach(false, Set.copyOf(partners));
    }

    /** The usernames holding {@code scope} for the partner through a live delegation right now. */
    public List<String> delegatesHolding(String partner, String scope) {
        return delegatesHolding(partner, scope, null);
    }

    /**
     * The usernames holding {@code scope} for the partner's connection {@code connectionId} (null: the
     * partner as a whole) through a live delegation right now.
     */
    public List<String> delegatesHolding(String partner, String scope, String connectionId) {
        return delegatedScopes
                .orderedStream()
                .flatMap(source -> (connectionId == null
                                ? source.holdersOf(partner, scope)
                                : source.holdersOf(partner, scope, connectionId))
                        .stream())
                .distinct()
                .toList();
    }

    /** Which partners a user reaches: {@link #everyPartner()} (ops) or the named ones. */
    public record Reach(boolean everyPartner, Set<String> partners) {

        static final Reach EVERY_PARTNER = new Reach(true, Set.of());

        public boolean includes(String partner) {
            return everyPartner || partners.contains(partner);
        }
    }

    /** The delegated scopes the user holds right now, from every source. */
    public List<DelegatedScopes.HeldScope> delegatedScopesOf(WorkspaceUser user) {
        return delegatedScopes
                .orderedStream()
                .flatMap(source -> source.heldBy(user.username()).stream())
                .toList();
    }

    private boolean holdsDelegated(WorkspaceUser user, String partner, String scope, String connectionId) {
        return delegatedScopes
                .orderedStream()
                .anyMatch(source -> connectionId == null
                        ? source.holds(user.username(), partner, scope)
                        : source.holds(user.username(), partner, scope, connectionId));
    }
}
