package com.partnerworkspace.models.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A migration of a process's running instances from one version to another: its validation report, kept as
 * reported, then its review and the engine batch that runs it.
 */
record Migration(
        String id,
        String key,
        int from,
        int to,
        List<Instruction> mapping,
        Report report,
        String author,
        Status status,
        Instant createdAt,
        String processInstance,
        String reviewedBy,
        String reviewComment,
        String batchId,
        Integer startedWith) {

    enum Status {
        reported,
        proposed,
        rejected,
        running,
        completed
    }

    /** One activity of the source version mapped to one of the target version. */
    record Instruction(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100)
            String source,

            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100)
            String target) {}

    /** What keeps the plan from running, on the source activity it concerns (null: the plan as a whole). */
    record Problem(@Schema(nullable = true) String activity, String message) {}

    /** The engine's validation of the plan and of where the running instances wait, before anything runs. */
    record Report(int instances, boolean valid, List<Instruction> instructions, List<Problem> errors) {}
}
