package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SmokeTestsController {

    private final SmokeTests smokeTests;
    private final Validator validator;

    SmokeTestsController(SmokeTests smokeTests, Validator validator) {
        this.smokeTests = smokeTests;
        this.validator = validator;
    }

    /** Which partner's login to test, and optionally with which of its connections. */
    record SmokeTestRequest(
            @NotBlank @Size(max = InputLimits.NAME) String partner,

            @Schema(
                    nullable = true,
                    description = "The connection whose broker and keys to use; default: the partner's newest active"
                            + " OAuth 2 connection")
            @Size(max = InputLimits.ID)
            String connection) {}

    /** A run just queued. */
    record Started(String id, SmokeTest.State state) {}

    @Operation(
            summary = "Run the Playwright smoke test of a partner's login: workspace, Keycloak (password and one-time"
                    + " code of the partner's synthetic user), the broker's login, back to an Active connection"
                    + " (partner or ops; audited; 60 s deadline; a failed run raises an alert)")
    @AlsoAnswers(status = 403, description = "Neither the partner nor operations staff")
    @AlsoAnswers(status = 404, description = "The partner has no such connection")
    @AlsoAnswers(
            status = 409,
            description = "A run for the partner is queued or running, or it has no connection the test can use")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(
            path = "/api/smoke-tests",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Started> start(Authentication authentication, @RequestBody SmokeTestRequest request) {
        WorkspaceUser user = CurrentUser.of(authentication);
        // Who may not run it at all is told so before anything about the request.
        smokeTests.requireMayRunAny(user);
        Refusal.throwIfInvalid(validator, request);
        SmokeTest run = smokeTests.start(user, request.partner(), request.connection());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore())
                .body(new Started(run.id(), run.state()));
    }

    @Operation(summary = "One smoke test: its state and each step with its duration and masked screenshot")
    @GetMapping(path = "/api/smoke-tests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SmokeTest> get(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(smokeTests.find(CurrentUser.of(authentication), id));
    }

    @Operation(summary = "The partner's last 20 smoke tests, newest first (partner or ops)")
    @AlsoAnswers(status = 403, description = "Neither the partner nor operations staff")
    @GetMapping(path = "/api/smoke-tests", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<SmokeTest>> list(
            Authentication authentication, @RequestParam @Size(max = InputLimits.NAME) String partner) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(smokeTests.ofPartner(CurrentUser.of(authentication), partner));
    }

    @Operation(
            summary = "A smoke test's artifact: a step's masked screenshot (PNG) or the scrubbed Playwright trace"
                    + " (zip); partner or ops only, never cached")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The artifact",
            content = {
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = MediaType.IMAGE_PNG_VALUE,
                        schema = @Schema(type = "string", format = "binary")),
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = "application/zip",
                        schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping(
            path = "/api/smoke-tests/{id}/artifacts/{name}",
            produces = {MediaType.IMAGE_PNG_VALUE, "application/zip", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> artifact(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @PathVariable @Size(max = InputLimits.NAME) String name) {
        SmokeTestStore.Artifact artifact = smokeTests.artifact(CurrentUser.of(authentication), id, name);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(artifact.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(artifact.name())
                                .build()
                                .toString())
                .body(artifact.body());
    }
}
