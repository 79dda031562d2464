package com.partnerworkspace.security;

/**
 * Answers whether a user holds a delegated scope for a partner right now. The delegation feature
 * implements it (checking that the grant is still live, not just present in an older token); until a
 * feature does, nobody holds a delegated scope.
 */
@FunctionalInterface
public interface DelegatedScopes {

    boolean holds(String username, String partner, String scope);

    /** The live grants the user holds, for showing them (e.g. {@code GET /api/me}). */
    default java.util.List<HeldScope> heldBy(String username) {
        return java.util.List.of();
    }

    /** The usernames holding the scope for the partner right now (e.g. who hears about the partner's alerts). */
    default java.util.List<String> holdersOf(String partner, String scope) {
        return java.util.List.of();
    }

    record HeldScope(String partner, String scope, java.time.Instant expiresAt) {}
}
