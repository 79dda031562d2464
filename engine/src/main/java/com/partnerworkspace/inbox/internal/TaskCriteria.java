package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a list of tasks is narrowed to; every member is optional. The same record is a saved filter's
 * criteria and a bulk action's {@code filter}.
 */
record TaskCriteria(
        @Size(max = InputLimits.NAME) @Schema(nullable = true, description = "process definition key")
        String process,

        @Size(max = InputLimits.NAME) @Schema(nullable = true)
        String partner,

        @Size(max = InputLimits.ID)
        @Pattern(regexp = DUE, message = "must be one of overdue, today, week, none")
        @Schema(
                nullable = true,
                allowableValues = {"overdue", "today", "week", "none"})
        String due,

        @Schema(nullable = true) Integer priority,

        @Size(max = InputLimits.NAME) @Schema(nullable = true, description = "a candidate group (realm role)")
        String group,

        @Size(max = InputLimits.ID)
        @Pattern(regexp = ASSIGNEE, message = "must be one of me, unassigned, anyone")
        @Schema(
                nullable = true,
                allowableValues = {"me", "unassigned", "anyone"})
        String assignee) {

    static final String DUE = "overdue|today|week|none";
    static final String ASSIGNEE = "me|unassigned|anyone";

    static final TaskCriteria ANY = new TaskCriteria(null, null, null, null, null, null);

    /** Every task of the process the person sees. */
    static TaskCriteria ofProcess(String processKey) {
        return new TaskCriteria(processKey, null, null, null, null, null);
    }
}
