package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/delegations}: a teammate ({@code delegate}) or a new bot ({@code bot}), never both. */
record DelegationRequest(
        @Schema(nullable = true, description = "Username of a teammate in the partner's team", example = "arjun")
        @Size(max = InputLimits.NAME)
        String delegate,

        @Schema(nullable = true, description = "A new bot, created with exactly the granted scopes") @Valid
        Bot bot,

        @Schema(nullable = true, example = "[\"orders:read\"]") @Size(max = 20)
        List<@Size(max = InputLimits.NAME) String> scopes,

        @Schema(
                nullable = true,
                maxLength = 36,
                description = "The id of one of the partner's broker connections: the grant counts only for it"
                        + " and ends when it is revoked (credentials scopes only). Leave out for all connections.")
        String connection,

        @Schema(
                nullable = true,
                description = "ISO-8601, counted from the moment the grant is applied",
                example = "PT8H")
        @Size(max = InputLimits.ID)
        String duration,

        @Schema(nullable = true, description = "Why; critical scopes need the policy's minimum length")
        @Size(max = InputLimits.TEXT)
        String justification) {

    record Bot(
            @Schema(nullable = true, example = "order-router") @Size(max = InputLimits.NAME)
            String name) {}
}
