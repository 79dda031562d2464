package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;

/** What a broker failure means for a connection: the state it leaves, its name and its guide. */
enum Failures {
    KEYS_REJECTED(ConnectionState.KEYS_REJECTED, "keys-rejected", "The broker refused the keys"),
    ACCESS_DENIED(ConnectionState.AWAITING_AUTHORISATION, "access-denied", "The broker login was declined"),
    REDIRECT_URI_MISMATCH(
            ConnectionState.AWAITING_AUTHORISATION,
            "redirect-uri-mismatch",
            "The broker does not know the workspace's return address"),
    SESSION_EXPIRED(ConnectionState.EXPIRED, "connection-expired", "The broker session has ended"),
    BROKER_UNREACHABLE(ConnectionState.BROKER_UNREACHABLE, "broker-unreachable", "The broker cannot be reached"),
    BROKER_ERROR(ConnectionState.AWAITING_AUTHORISATION, "broker-error", "The broker refused the request"),
    NOT_AUTHORISED_IN_TIME(
            ConnectionState.AWAITING_AUTHORISATION,
            "awaiting-authorisation",
            "The broker login was not completed in time");

    final ConnectionState state;
    final String slug;
    final String title;

    Failures(ConnectionState state, String slug, String title) {
        this.state = state;
        this.slug = slug;
        this.title = title;
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

    String guide() {
        return ConnectionState.guide(this == BROKER_ERROR ? "awaiting-authorisation" : slug);
    }
}
