package com.partnerworkspace.models.internal;

import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migrating running instances between versions (ops): the validation report first, then a proposal a second
 * ops person decides through {@code /api/tasks} (task "Review migration"), then the batch's progress.
 */
@RestController
class MigrationsController {

    private final Migrations migrations;
    private final Validator validator;

    MigrationsController(Migrations migrations, Validator validator) {
        this.migrations = migrations;
        this.validator = validator;
    }

    record MigrationRequest(
            @NotNull @Min(1) @Max(100_000) Integer from,
            @NotNull @Min(1) @Max(100_000) Integer to,

            @Schema(nullable = true, description = "Source activity -> target activity, beside mapEqualActivities")
            @Size(max = 200)
            @Valid
            List<Migration.Instruction> mapping) {}

    @Operation(
            summary = "Check a migration between two versions and keep its report (ops)",
            description = "The engine's plan (equal activities mapped, plus the mapping given) validated, and every"
                    + " activity where running instances wait checked against it. Nothing runs yet.")
    @PostMapping(
            path = "/api/models/{key}/migrations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Migrations.View report(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.NAME) @Pattern(regexp = ModelDraftsController.KEY_PATTERN) String key,
            @RequestBody MigrationRequest body) {
        var user = OpsOnly.require(authentication);
        Refusal.throwIfInvalid(validator, body);
        List<Migration.Instruction> mapping = body.mapping() == null ? List.of() : body.mapping();
        return migrations.view(migrations.report(user, key, body.from(), body.to(), mapping));
    }

    @Operation(
            summary = "Propose a checked migration for review by a second ops person (ops)",
            description = "Starts instance-migration; approval runs the migration as an engine batch.")
    @AlsoAnswers(status = 409, description = "The migration was proposed, rejected or run already")
    @AlsoAnswers(status = 422, description = "Its validation report lists problems")
    @PostMapping(path = "/api/models/migrations/{id}/execute", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Migrations.View execute(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        var user = OpsOnly.require(authentication);
        return migrations.view(migrations.propose(user, id));
    }

    @Operation(summary = "A migration's report, review and progress, with each instance that failed (ops)")
    @GetMapping(path = "/api/models/migrations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Migrations.View migration(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        OpsOnly.require(authentication);
        return migrations.view(migrations.find(id));
    }
}
