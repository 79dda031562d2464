package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** One action on many tasks: the listed ones, or all the caller sees that match {@code filter}. */
record BulkRequest(
        @NotNull
        @Size(max = InputLimits.ID)
        @Pattern(
                regexp = "claim|unclaim|reassign|complete",
                message = "must be one of claim, unclaim, reassign, complete")
        @Schema(allowableValues = {"claim", "unclaim", "reassign", "complete"})
        String action,

        @Size(max = BulkTaskWork.MOST_TASKS) @Schema(nullable = true)
        List<@Size(max = InputLimits.ID) String> taskIds,

        @Valid @Schema(nullable = true) TaskCriteria filter,

        @Size(max = InputLimits.NAME) @Schema(nullable = true, description = "for reassign: a candidate of each task")
        String assignee,

        @Schema(
                nullable = true,
                description = "for complete: the form's fields by name, as for one task",
                additionalPropertiesSchema = InboxController.FieldValue.class)
        Map<String, Object> values) {

    /** The rules between members, as one 400 naming each field; empty when the request holds together. */
    Map<String, String> inconsistencies() {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if ((taskIds != null && !taskIds.isEmpty()) == (filter != null)) {
            errors.put("taskIds", "name either taskIds or a filter");
        }
        if ("reassign".equals(action) && (assignee == null || assignee.isBlank())) {
            errors.put("assignee", "must name who gets the tasks");
        }
        return errors;
    }
}
