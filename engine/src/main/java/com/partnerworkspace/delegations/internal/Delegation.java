package com.partnerworkspace.delegations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One delegation request and, once granted, the grant.
 *
 * @param delegate the username holding the grant: the teammate, or a bot's service account once made
 * @param botName the bot's name when the delegate is a new bot
 * @param connection the broker connection the grant is limited to, or null for all of the partner's
 */
record Delegation(
        String id,
        String partner,
        String requester,
        String delegate,
        String botName,
        String botClientId,
        List<String> scopes,
        String connection,
        Duration duration,
        String justification,
        DelegationState state,
        boolean mfaRequired,
        int approvalsRequired,
        Instant requestedAt,
        Instant grantedAt,
        Instant expiresAt) {

    static final String PROCESS_KEY = "delegation-approval";

    boolean isForBot() {
        return botName != null;
    }

    String target() {
        return "delegation/" + id;
    }

    /** Who the grant is for, as people read it. */
    String delegateLabel() {
        return isForBot() ? "bot " + botName : delegate;
    }

    /**
     * Counts for {@code connectionId} (null: the partner as a whole): a delegation for all connections
     * counts everywhere, one limited to a connection only there.
     */
    boolean covers(String connectionId) {
        return connection == null || connection.equals(connectionId);
    }

    /** Live right now: active and not past its expiry (the expiry timer may still be on its way). */
    boolean isLiveAt(Instant now) {
        return state == DelegationState.ACTIVE && expiresAt != null && now.isBefore(expiresAt);
    }
}
