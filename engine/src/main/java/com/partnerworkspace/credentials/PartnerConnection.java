package com.partnerworkspace.credentials;

import java.util.Optional;
import java.util.Set;

/**
 * A broker connection as other features name it: whose it is, its label, whether it was revoked; never
 * its keys or tokens. A feature that grants access to one connection (a delegation limited to it) looks
 * it up through the {@link Source} bean, and ends that access when it hears
 * {@link ConnectionRevoked}.
 */
public record PartnerConnection(String id, String partner, String label, boolean revoked) {

    /**
     * The scopes this feature checks for one connection (status, rotate, reveal): the only ones a grant
     * can be limited to a connection for. Every other scope is checked for the partner as a whole.
     */
    public static final Set<String> SCOPES =
            Set.of("credentials:view-status", "credentials:rotate", "credentials:reveal");

    /**
     * How the username of a partner's smoke-test user begins: a connection such a user made is the smoke
     * test's own, and once revoked it is not listed among the partner's connections.
     */
    public static final String SMOKE_TEST_USER_PREFIX = "smoke-";

    /** The partner's connections, whatever their state. */
    public interface Source {
        Optional<PartnerConnection> find(String id);
    }
}
