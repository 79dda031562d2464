package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.system.Problems;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** A connection as the API shows it: state and timings, the key masked, never a secret. */
record ConnectionView(
        String id,
        String partner,
        String broker,
        String brokerName,
        String label,
        ConnectionState state,
        String maskedKey,
        String createdBy,
        Instant createdAt,
        Instant tokenIssuedAt,
        Long tokenAgeSeconds,
        Instant expiresAt,
        Instant nextRotationAt,
        Instant lastVerifiedAt,
        Long lastVerificationMillis,
        FailureView failure,
        URI authorizationUrl,
        String activity) {

    /** What went wrong last, in the broker's terms, with the guide for it. */
    record FailureView(String type, String title, String detail, String guide) {}

    static ConnectionView of(Connection c, Broker broker, Instant now, URI authorizationUrl) {
        FailureView failure = null;
        if (c.failure() != null) {
            Failures kind = Failures.bySlug(c.failure());
            failure = new FailureView(Problems.TYPE_BASE + kind.slug, kind.title, c.failureDetail(), kind.guide());
        }
        return new ConnectionView(
                c.id(),
                c.partner(),
                c.broker(),
                broker.name(),
                c.label(),
                c.stateAt(now, broker),
                c.maskedKey(),
                c.createdBy(),
                c.createdAt(),
                c.tokenIssuedAt(),
                c.tokenIssuedAt() == null
                        ? null
                        : Duration.between(c.tokenIssuedAt(), now).toSeconds(),
                c.expiresAt(),
                c.nextRotationAt(),
                c.lastVerifiedAt(),
                c.lastVerificationMillis(),
                failure,
                authorizationUrl,
                c.activity());
    }
}
