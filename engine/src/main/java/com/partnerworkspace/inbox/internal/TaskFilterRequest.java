package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A saved filter as written by its owner. */
record TaskFilterRequest(
        @NotBlank @Size(max = InputLimits.NAME) String name,
        @Valid @Schema(nullable = true) TaskCriteria criteria,

        @Size(max = InputLimits.NAME) @Schema(nullable = true, description = "one of the owner's groups (realm roles)")
        String sharedWithGroup) {}
