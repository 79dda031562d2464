package com.partnerworkspace.inbox.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** {@code GET /api/tasks/{id}/form}: what the inbox renders with form-js, and what it holds so far. */
record TaskFormView(
        @Schema(description = "The form-js schema deployed with the process (components, id, schemaVersion, ...)")
        Map<String, Object> schema,

        @Schema(description = "The values the task holds for the form's fields, by field key; empty when none")
        Map<String, Object> data) {}
