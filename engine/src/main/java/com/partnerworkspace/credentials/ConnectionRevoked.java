package com.partnerworkspace.credentials;

/**
 * A broker connection was revoked: its credential no longer exists. Published by the
 * {@code credential-revocation} process; a feature whose grants depend on the connection ends them.
 */
public record ConnectionRevoked(String partner, String connectionId) {}
