package com.partnerworkspace.workspace.internal.metrics;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.workspace.internal.metrics.SurveyStore.Response;
import com.partnerworkspace.workspace.internal.metrics.Surveys.Trigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The one-question satisfaction survey, and the seed's metrics built from it and the audit trail (ops). */
@RestController
class SurveyController {

    private final Surveys surveys;
    private final SeedMetrics metrics;

    SurveyController(Surveys surveys, SeedMetrics metrics) {
        this.surveys = surveys;
        this.metrics = metrics;
    }

    record SurveyAnswer(
            @NotNull Trigger trigger,
            @NotNull @Min(1) @Max(5) Integer score,

            @Schema(nullable = true) @Size(max = InputLimits.TEXT)
            String comment) {}

    record Dismissal(@NotNull Trigger trigger) {}

    record Answered(
            String id,
            Trigger trigger,
            int score,
            @Schema(nullable = true) String comment,
            Instant answeredAt) {

        static Answered of(Response response) {
            return new Answered(
                    response.id(),
                    Trigger.valueOf(response.trigger()),
                    response.score(),
                    response.comment(),
                    response.answeredAt());
        }
    }

    @Operation(summary = "Whether to ask me the survey now (at most once a week)")
    @GetMapping(path = "/api/survey", produces = MediaType.APPLICATION_JSON_VALUE)
    Surveys.Prompt prompt(Authentication authentication, @RequestParam Trigger trigger) {
        return surveys.promptFor(CurrentUser.of(authentication), trigger);
    }

    @Operation(summary = "Answer the survey: 1 (very hard) to 5 (very easy), an optional comment; audited")
    @AlsoAnswers(status = 409, description = "Answered or dismissed in the last 7 days")
    @PostMapping(
            path = "/api/survey",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Answered answer(Authentication authentication, @Valid @RequestBody SurveyAnswer answer) {
        return Answered.of(
                surveys.answer(CurrentUser.of(authentication), answer.trigger(), answer.score(), answer.comment()));
    }

    @Operation(summary = "Not now: the survey is not asked again this week; audited")
    @AlsoAnswers(status = 409, description = "Answered or dismissed in the last 7 days")
    @PostMapping(path = "/api/survey/dismiss", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(Authentication authentication, @Valid @RequestBody Dismissal dismissal) {
        surveys.dismiss(CurrentUser.of(authentication), dismissal.trigger());
    }

    @Operation(
            summary = "The seed's metrics: time to onboard, delegated-access decisions per month, satisfaction (ops)")
    @GetMapping(path = "/api/metrics/seed", produces = MediaType.APPLICATION_JSON_VALUE)
    SeedMetrics.Metrics seedMetrics(Authentication authentication) {
        WorkspaceUser user = CurrentUser.of(authentication);
        if (!user.hasRole("ops")) {
            throw Refusal.of(HttpStatus.FORBIDDEN, "ops-only", "Only operations staff see the platform's metrics.");
        }
        return metrics.now();
    }
}
