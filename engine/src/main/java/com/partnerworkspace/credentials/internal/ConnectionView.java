package com.partnerworkspace.credentials.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.system.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
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

        @Schema(nullable = true, description = "When the broker issued the current token; null before the first login")
        Instant tokenIssuedAt,

        @Schema(nullable = true) Long tokenAgeSeconds,

        @Schema(nullable = true, description = "When the broker session ends and a login is needed again")
        Instant expiresAt,

        @Schema(nullable = true, description = "When the schedule renews it; null for brokers that need a login")
        Instant nextRotationAt,

        @Schema(nullable = true) Instant lastVerifiedAt,
        @Schema(nullable = true) Long lastVerificationMillis,
        // Left out (rather than null) when nothing failed: a nullable object schema trips OpenAPI tools.
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The last failure, when there is one")
        FailureView failure,

        @Schema(nullable = true, description = "The broker login to send the person to (create and reconnect only)")
        URI authorizationUrl,

        @Schema(nullable = true, description = "The process working on the connection right now")
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
