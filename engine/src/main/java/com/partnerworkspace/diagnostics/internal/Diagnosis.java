package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One run of the OAuth doctor: each check's result, in a fixed order. */
record Diagnosis(List<CheckResult> checks, Instant ranAt, long durationMs) {

    /** One check's result as the API shows it. */
    record CheckResult(
            @Schema(
                    allowableValues = {
                        "redirect-uri",
                        "client-credentials",
                        "clock-offset",
                        "token-state",
                        "scopes",
                        "reachability",
                        "egress-address"
                    })
            String id,

            Status status,
            String title,
            String evidence,

            @Schema(description = "UI path of the guide section that explains this result")
            String guide,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "A one-click fix, where one exists")
            Outcome.Fix fix) {

        static CheckResult of(Check check, Outcome outcome) {
            return new CheckResult(
                    check.id(), outcome.status(), check.title(), outcome.evidence(), outcome.guide(), outcome.fix());
        }
    }

    List<String> idsWith(Status status) {
        return checks.stream()
                .filter(c -> c.status() == status)
                .map(CheckResult::id)
                .toList();
    }
}
