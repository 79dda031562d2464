package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.system.Guides;

/** The guide sections the doctor's checks point to (each exists: see the guide link test). */
final class GuideSections {

    static final String REDIRECT_COMPARE = Guides.of("redirect-uri-mismatch", "compare-piece-by-piece");
    static final String REDIRECT_LOOPBACK = Guides.of("redirect-uri-mismatch", "loopback-or-public-host");
    static final String REDIRECT_REGISTER = Guides.of("redirect-uri-mismatch", "register-the-exact-uri");
    static final String KEYS_CHECK_SECRET = Guides.of("keys-rejected", "check-the-secret");
    static final String KEYS_SWAPPED = Guides.of("keys-rejected", "key-and-secret-swapped");
    static final String KEYS_UNKNOWN_CLIENT = Guides.of("keys-rejected", "unknown-client");
    static final String CLOCK_SKEW = Guides.of("code-reused-or-expired", "clock-skew");
    static final String TOKEN_RECONNECT = Guides.of("connection-expired", "reconnect");
    static final String DAILY_CUT_OFF = Guides.of("daily-relogin", "daily-cut-off");
    static final String REVOKED = Guides.of("connection-revoked", "what-now");
    static final String NEVER_CONNECTED = Guides.of("awaiting-authorisation", "finish-the-login");
    static final String SCOPES = Guides.of("insufficient-scope", "missing-scopes");
    static final String UNREACHABLE = Guides.of("broker-unreachable", "check-the-network");
    static final String TLS = Guides.of("broker-unreachable", "tls");
    static final String SLOW = Guides.of("broker-unreachable", "slow-broker");
    static final String STATIC_ADDRESS = Guides.of("static-address", "compare-addresses");

    private GuideSections() {}
}
