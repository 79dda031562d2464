package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One Playwright smoke test of a partner's login, as the API shows it. */
@Schema(name = "SmokeTest")
record SmokeTest(
        String id,
        String partner,

        @Schema(nullable = true, description = "The connection whose broker and keys the run used")
        String connection,

        State state,
        String requestedBy,
        Instant requestedAt,

        @Schema(nullable = true) Instant finishedAt,

        @Schema(nullable = true, description = "Wall time of the run, once finished")
        Long durationMs,

        List<Step> steps,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Artifact name of the Playwright trace (filled values, headers and DOM values removed)")
        String trace) {

    enum State {
        QUEUED,
        RUNNING,
        PASSED,
        FAILED,
        TIMED_OUT;

        boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** The steps of every run, in order. */
    static final List<String> STEP_NAMES = List.of("workspace", "keycloak-login", "broker-login", "active-connection");

    /** One step: what it proved, how long it took, and its masked screenshot (an artifact name). */
    record Step(
            @Schema(allowableValues = {"workspace", "keycloak-login", "broker-login", "active-connection"})
            String name,

            @Schema(allowableValues = {"PENDING", "PASSED", "FAILED", "SKIPPED"})
            String status,

            @Schema(nullable = true) Instant startedAt,
            @Schema(nullable = true) Long durationMs,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Artifact name of the masked screenshot")
            String screenshot,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why the step failed, without any secret")
            String failure) {

        static Step pending(String name) {
            return new Step(name, "PENDING", null, null, null, null);
        }
    }
}
