package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.system.Guides;

/** What a broker failure means for a connection: the state it leaves, its name and its guide section. */
enum Failures {
    KEYS_REJECTED(
            ConnectionState.KEYS_REJECTED,
            "keys-rejected",
            "The broker refused the keys",
            Guides.of("keys-rejected", "check-the-secret")),
    ACCESS_DENIED(
            ConnectionState.AWAITING_AUTHORISATION,
            "access-denied",
            "The broker login was declined",
            Guides.of("access-denied", "what-to-do")),
    REDIRECT_URI_MISMATCH(
            ConnectionState.AWAITING_AUTHORISATION,
            "redirect-uri-mismatch",
            "The broker does not know the workspace's return address",
            Guides.of("redirect-uri-mismatch", "register-the-exact-uri")),
    CODE_REJECTED(
            ConnectionState.AWAITING_AUTHORISATION,
            "code-rejected",
            "The broker refused the login's authorization code (used already or expired)",
            Guides.of("code-reused-or-expired", "code-used-twice")),
    SESSION_EXPIRED(
            ConnectionState.EXPIRED,
            "connection-expired",
            "The broker session has ended",
            Guides.of("connection-expired", "reconnect")),
    BROKER_UNREACHABLE(
            ConnectionState.BROKER_UNREACHABLE,
            "broker-unreachable",
            "The broker cannot be reached",
            Guides.of("broker-unreachable", "check-the-network")),
    BROKER_ERROR(
            ConnectionState.AWAITING_AUTHORISATION,
            "broker-error",
            "The broker refused the request",
            Guides.of("awaiting-authorisation", "finish-the-login")),
    NOT_AUTHORISED_IN_TIME(
            ConnectionState.AWAITING_AUTHORISATION,
            "awaiting-authorisation",
            "The broker login was not completed in time",
            Guides.of("awaiting-authorisation", "finish-the-login"));

    final ConnectionState state;
    final String slug;
    final String title;
    private final String guide;

    Failures(ConnectionState state, String slug, String title, String guide) {
        this.state = state;
        this.slug = slug;
        this.title = title;
        this.guide = guide;
    }

    static Failures of(BrokerException e) {
        return of(e.failure());
    }

    static Failures of(Failure failure) {
        return valueOf(failure.name());
    }

    static Failures bySlug(String slug) {
        for (Failures failure : values()) {
            if (failure.slug.equals(slug)) {
                return failure;
            }
        }
        return BROKER_ERROR;
    }

    /** The guide section for this failure (a UI path with its anchor). */
    String guide() {
        return guide;
    }
}
