package com.partnerworkspace.credentials;

import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A partner's broker connections as a status board shows them, never their keys or tokens. */
public interface ConnectionStatus {

    /**
     * The partner's connections the user may see the status of ({@code credentials:view-status}, per
     * connection), newest first; empty when the user sees none.
     */
    List<Summary> visibleTo(WorkspaceUser user, String partner);

    /** How many connections each partner has, and how many of them need someone (for ops). */
    List<PartnerCount> countsByPartner();

    /** What fixes a connection's state from where it is shown. */
    enum Action {
        RECONNECT,
        FIX,
        ROTATE
    }

    record Summary(
            String id,
            String label,
            String broker,
            String brokerName,

            @Schema(
                    description =
                            "ACTIVE, EXPIRING, EXPIRED, AWAITING_AUTHORISATION, KEYS_REJECTED, BROKER_UNREACHABLE or REVOKED")
            String state,

            @Schema(nullable = true) Instant tokenIssuedAt,
            @Schema(nullable = true) Long tokenAgeSeconds,

            @Schema(nullable = true, description = "When the broker session ends")
            Instant expiresAt,

            @Schema(
                    nullable = true,
                    description = "The broker's daily cut-off (brokers without refresh): a login is due then")
            Instant dailyCutOffAt,

            @Schema(nullable = true, description = "When the schedule renews it")
            Instant nextRotationAt,

            @Schema(nullable = true) Instant lastVerifiedAt,

            @Schema(nullable = true, description = "What fixes it now; null when nothing needs doing")
            Action action,

            @Schema(nullable = true, description = "The troubleshooting guide of a state that stops the connection")
            String guide) {}

    record PartnerCount(String partner, int connections, int needingAction) {}
}
