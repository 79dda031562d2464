package com.partnerworkspace.security;

/**
 * Answers whether a user holds a delegated scope for a partner right now. The delegation feature
 * implements it (checking that the grant is still live, not just present in an older token); until a
 * feature does, nobody holds a delegated scope. A delegation may be limited to one of the partner's
 * broker connections: it then counts only where that connection is named.
 */
@FunctionalInterface
public interface DelegatedScopes {

    /** Held for the partner as a whole: a grant limited to one connection does not count here. */
    boolean holds(String username, String partner, String scope);

    /**
     * Held for the partner's connection {@code connectionId}: a grant for the whole partner, or one limited
     * to this connection. A source that knows no such limits answers as for the partner.
     */
    default boolean holds(String username, String partner, String scope, String connectionId) {
        return holds(username, partner, scope);
    }

    /** The live grants the user holds, for showing them (e.g. {@code GET /api/me}). */
    default java.util.List<HeldScope> heldBy(String username) {
        return java.util.List.of();
    }

    /**
     * The usernames holding the scope for the partner as a whole right now (e.g. who hears about the
     * partner's alerts); a grant limited to one connection does not count here.
     */
    default java.util.List<String> holdersOf(String partner, String scope) {
        return java.util.List.of();
    }

    /** The usernames holding the scope for the partner's connection {@code connectionId} right now. */
    default java.util.List<String> holdersOf(String partner, String scope, String connectionId) {
        return holdersOf(partner, scope);
    }

    /** @param connection the connection the grant is limited to, or null for the whole partner */
    record HeldScope(String partner, String scope, java.time.Instant expiresAt, String connection) {

        public HeldScope(String partner, String scope, java.time.Instant expiresAt) {
            this(partner, scope, expiresAt, null);
        }
    }
}
