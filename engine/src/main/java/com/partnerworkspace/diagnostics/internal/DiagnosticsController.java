package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DiagnosticsController {

    private final DiagnosticsService diagnostics;
    private final Validator validator;

    DiagnosticsController(DiagnosticsService diagnostics, Validator validator) {
        this.diagnostics = diagnostics;
        this.validator = validator;
    }

    /** The broker app's settings to examine before they are saved (e.g. while adding a connection). */
    record OAuthSettings(
            @NotBlank @Size(max = InputLimits.NAME) String broker,
            @NotBlank @Size(max = InputLimits.API_KEY) String apiKey,
            @NotBlank @Size(max = InputLimits.API_KEY) String apiSecret,
            @Size(max = InputLimits.URL) String registeredRedirectUri,
            @Size(max = 45) String registeredAddress) {
        @Override
        public String toString() {
            return "OAuthSettings[" + broker + "]";
        }
    }

    /** What the partner registered at the broker for a connection; null or blank: not recorded. */
    record RegisteredSettings(
            @Schema(nullable = true, description = "The redirect URI registered at the broker, as copied from there")
            @Size(max = InputLimits.URL)
            String registeredRedirectUri,

            @Schema(nullable = true, description = "The static outbound IP address registered at the broker")
            @Size(max = 45)
            String registeredAddress) {}

    /** A kept run of the doctor. */
    record RunView(String id, String ranBy, Instant ranAt, long durationMs, List<Diagnosis.CheckResult> checks) {}

    @Operation(
            summary = "Run the OAuth doctor on a connection: redirect URI, client credentials, clock offset, token"
                    + " state, scopes, reachability, egress address (kept: the last 20 runs; audited)")
    @PostMapping(path = "/api/connections/{id}/diagnose", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Diagnosis> diagnose(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return noStore(diagnostics.diagnose(CurrentUser.of(authentication), id));
    }

    @Operation(summary = "The connection's last 20 doctor runs, newest first")
    @GetMapping(path = "/api/connections/{id}/diagnoses", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RunView> diagnoses(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return diagnostics.runs(CurrentUser.of(authentication), id).stream()
                .map(run -> new RunView(
                        run.id(),
                        run.ranBy(),
                        run.diagnosis().ranAt(),
                        run.diagnosis().durationMs(),
                        run.diagnosis().checks()))
                .toList();
    }

    @Operation(summary = "What the partner registered at the broker for this connection (redirect URI, static address)")
    @GetMapping(path = "/api/connections/{id}/diagnosis-settings", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisteredSettings settings(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        DiagnosisStore.Settings settings = diagnostics.settings(CurrentUser.of(authentication), id);
        return new RegisteredSettings(settings.registeredRedirectUri(), settings.registeredAddress());
    }

    @Operation(summary = "Record what is registered at the broker for this connection (owner or ops; audited)")
    @AlsoAnswers(status = 403, description = "A delegate may run the doctor but not change these settings")
    @PutMapping(
            path = "/api/connections/{id}/diagnosis-settings",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RegisteredSettings saveSettings(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @Valid @RequestBody RegisteredSettings request) {
        DiagnosisStore.Settings saved = diagnostics.saveSettings(
                CurrentUser.of(authentication),
                id,
                new DiagnosisStore.Settings(request.registeredRedirectUri(), request.registeredAddress()));
        return new RegisteredSettings(saved.registeredRedirectUri(), saved.registeredAddress());
    }

    @Operation(summary = "Run the OAuth doctor on a broker app's settings that are not saved yet (audited, not kept)")
    @AlsoAnswers(status = 403, description = "Neither a partner nor operations staff")
    @PostMapping(
            path = "/api/diagnostics/oauth",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Diagnosis> diagnoseSettings(Authentication authentication, @RequestBody OAuthSettings request) {
        WorkspaceUser user = CurrentUser.of(authentication);
        // Who may not run it at all is told so before anything about the request.
        diagnostics.requireMayDiagnoseSettings(user);
        Refusal.throwIfInvalid(validator, request);
        return noStore(diagnostics.diagnose(
                user,
                new DiagnosticsService.UnsavedSettings(
                        request.broker(),
                        request.apiKey(),
                        request.apiSecret(),
                        request.registeredRedirectUri(),
                        request.registeredAddress())));
    }

    private static ResponseEntity<Diagnosis> noStore(Diagnosis diagnosis) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(diagnosis);
    }
}
