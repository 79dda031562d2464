package com.partnerworkspace.delegations.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A delegation as the API shows it. */
record DelegationView(
        String id,
        String partner,
        String requester,

        @Schema(nullable = true, description = "The teammate, or the bot's service account once it exists")
        String delegate,

        // Left out (rather than null) for a teammate: a nullable object schema trips OpenAPI tools.
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only for a new bot")
        Bot bot,

        List<String> scopes,

        @Schema(
                nullable = true,
                description = "The broker connection the grant is limited to (its id); null for all connections")
        String connection,

        @Schema(nullable = true, description = "That connection's label")
        String connectionLabel,

        String duration,
        String justification,

        @Schema(
                allowableValues = {
                    "AWAITING_MFA",
                    "AWAITING_APPROVAL",
                    "ACTIVE",
                    "EXPIRED",
                    "REVOKED",
                    "REJECTED",
                    "TIMED_OUT"
                })
        String state,

        Instant requestedAt,
        @Schema(nullable = true) Instant grantedAt,

        @Schema(nullable = true, description = "Grant time plus the duration; set once granted")
        Instant expiresAt,

        boolean mfaRequired,
        int approvalsRequired,
        List<ApprovalView> approvals,

        @Schema(description = "Only people who may still decide this request")
        List<String> eligibleApprovers,

        List<TimelineEntry> timeline) {

    record Bot(String name, @Schema(nullable = true) String clientId) {}

    record ApprovalView(
            String approver,
            boolean approved,
            @Schema(nullable = true) String comment,
            Instant at) {}

    record TimelineEntry(
            Instant at,
            String activity,
            @Schema(nullable = true) String actor) {}
}
