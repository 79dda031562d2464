package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/delegations}: a teammate ({@code delegate}) or a new bot ({@code bot}), never both. The
 * fields' own rules are here; the rules that need the DMN tables, the team and the connections are
 * {@link DelegationRequestValidator}'s.
 */
record DelegationRequest(
        @Schema(nullable = true, description = "Username of a teammate in the partner's team", example = "arjun")
        @Size(max = InputLimits.NAME)
        String delegate,

        @Schema(nullable = true, description = "A new bot, created with exactly the granted scopes") @Valid
        Bot bot,

        @Schema(nullable = true, example = "[\"orders:read\"]")
        @NotEmpty(message = "choose at least one scope")
        @Size(max = 20)
        List<@Size(max = InputLimits.NAME) String> scopes,

        @Schema(
                nullable = true,
                maxLength = 36,
                description = "The id of one of the partner's broker connections: the grant counts only for it"
                        + " and ends when it is revoked (credentials scopes only). Leave out for all connections.")
        @Size(max = 36)
        String connection,

        @Schema(
                nullable = true,
                description = "ISO-8601, counted from the moment the grant is applied",
                example = "PT8H")
        @NotBlank(message = "is required, e.g. PT8H")
        @Size(max = InputLimits.ID)
        String duration,

        @Schema(nullable = true, description = "Why; critical scopes need the policy's minimum length")
        @Size(max = InputLimits.TEXT)
        String justification) {

    record Bot(
            @Schema(nullable = true, example = "order-router")
            @NotNull(message = BOT_NAME_MESSAGE)
            @Pattern(regexp = BOT_NAME, message = BOT_NAME_MESSAGE)
            @Size(max = InputLimits.NAME)
            String name) {

        /** 3 to 40 characters once stripped, starting with a letter or digit (the last one is no space). */
        static final String BOT_NAME = "(?U)\\s*[A-Za-z0-9][A-Za-z0-9 _-]{1,38}[A-Za-z0-9_-]\\s*";

        static final String BOT_NAME_MESSAGE =
                "3 to 40 letters, digits, spaces, '-' or '_', starting with a letter or digit";
    }
}
