package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.system.Guides;
import com.partnerworkspace.system.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Where a broker connection stands; exactly one at a time. Each state that stops a connection from
 * being used has its own problem type and troubleshooting guide, so nobody regenerates keys that were
 * fine because the session merely expired.
 */
enum ConnectionState {
    AWAITING_AUTHORISATION(
            "connection-awaiting-authorisation",
            Guides.of("awaiting-authorisation", "finish-the-login"),
            "The broker login has not been completed yet"),
    ACTIVE(null, null, null),
    EXPIRING(null, null, null),
    EXPIRED(
            "connection-expired",
            Guides.of("connection-expired", "reconnect"),
            "The broker session has ended; reconnect (the keys stay valid)"),
    REVOKED(
            "connection-revoked",
            Guides.of("connection-revoked", "what-now"),
            "The connection was revoked; its credential no longer exists"),
    KEYS_REJECTED(
            "connection-keys-rejected",
            Guides.of("keys-rejected", "check-the-secret"),
            "The broker refused the keys of this connection"),
    BROKER_UNREACHABLE(
            "broker-unreachable",
            Guides.of("broker-unreachable", "check-the-network"),
            "The broker cannot be reached right now");

    final String problemSlug;
    /** The guide section that explains the state (a UI path with its anchor), or null. */
    final String guide;

    final String explanation;

    ConnectionState(String problemSlug, String guide, String explanation) {
        this.problemSlug = problemSlug;
        this.guide = guide;
        this.explanation = explanation;
    }

    boolean isUsable() {
        return this == ACTIVE || this == EXPIRING;
    }

    boolean mayReconnect() {
        return this == EXPIRED || this == KEYS_REJECTED || this == BROKER_UNREACHABLE || this == AWAITING_AUTHORISATION;
    }

    /** A 409 for an act this state does not allow, naming the state and its guide. */
    Refusal refusal(String act) {
        return Refusal.titled(
                        HttpStatus.CONFLICT,
                        problemSlug,
                        explanation,
                        "Cannot " + act + ": the connection is " + name() + ". " + explanation + ".")
                .with("state", name())
                .with("guide", guide);
    }
}
