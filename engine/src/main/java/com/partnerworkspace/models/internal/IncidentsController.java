package com.partnerworkspace.models.internal;

import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open incidents for operations staff: the list, one with its stack trace, a retry and a note. */
@RestController
class IncidentsController {

    private final Incidents incidents;
    private final jakarta.validation.Validator validator;

    IncidentsController(Incidents incidents, jakarta.validation.Validator validator) {
        this.incidents = incidents;
        this.validator = validator;
    }

    @Operation(
            summary =
                    "Open incidents, newest first (at most " + Incidents.MOST_LISTED + "), of one process or all (ops)")
    @GetMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Incidents.OpenIncident> incidents(
            Authentication authentication,
            @Parameter(description = "A process definition key")
                    @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    String process) {
        OpsOnly.require(authentication);
        return incidents.open(process);
    }

    @Operation(summary = "One open incident with the failed job's stack trace (ops)")
    @GetMapping(path = "/api/incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Incidents.Detail incident(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        OpsOnly.require(authentication);
        return incidents.detail(id);
    }

    @Operation(summary = "Retry the failed job of an incident once (ops, audited)")
    @AlsoAnswers(status = 409, description = "The incident is not a failed job's")
    @PostMapping(path = "/api/incidents/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    Incidents.OpenIncident retry(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return incidents.retry(OpsOnly.require(authentication), id);
    }

    record Annotation(
            @Schema(description = "The note; empty clears it")
            @jakarta.validation.constraints.NotNull
            @Size(max = InputLimits.TEXT)
            String annotation) {}

    @Operation(summary = "Note on an incident what ops know or do about it; empty clears the note (ops, audited)")
    @PostMapping(
            path = "/api/incidents/{id}/annotate",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Incidents.OpenIncident annotate(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @org.springframework.web.bind.annotation.RequestBody Annotation body) {
        var user = OpsOnly.require(authentication);
        com.partnerworkspace.system.Refusal.throwIfInvalid(validator, body);
        return incidents.annotate(user, id, body.annotation());
    }
}
