package com.partnerworkspace.alerts.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's alert preferences, with its silences. The partner is the one named by {@code ?partner=}
 * (ops and delegates), else the caller's own: {@link AlertPreferencesService} decides, in one place, and
 * checks the parameter's bound there too: a constraint annotation on the parameter would move the body's
 * validation from the binder (where {@link AlertPreferencesRules} runs beside the annotations, into one
 * 400) to method validation.
 */
@RestController
class AlertPreferencesController {

    private final AlertPreferencesService preferences;
    private final AlertPreferencesRules rules;
    private final AlertPolicy policy;

    AlertPreferencesController(AlertPreferencesService preferences, AlertPreferencesRules rules, AlertPolicy policy) {
        this.preferences = preferences;
        this.rules = rules;
        this.policy = policy;
    }

    /**
     * The body is checked by its annotations and then by the rules, into one binding result: one 400 names
     * every field. Fields are read directly (records have no getters).
     */
    @InitBinder("alertPreferences")
    void checkRules(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.addValidators(rules);
    }

    /** A partner's preferences, and whether they are their own or the defaults they follow. */
    record PreferencesView(
            String partner,
            boolean customised,
            AlertPreferences.Channels channels,
            AlertPreferences.Thresholds thresholds,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Left out when there are none")
            AlertPreferences.QuietHours quietHours,

            AlertPreferences.EscalationDelays escalationDelays,

            @Schema(description = "The silences that have not ended")
            List<AlertPreferences.Silence> mutes,

            Policy policy) {}

    /** The workspace's rules around a partner's preferences (read only). */
    record Policy(
            @Schema(description = "A silence holds back critical alerts for at most this long (ISO-8601)")
            String criticalMuteLimit,

            @Schema(description = "How often the partner levels repeat before operations take over")
            int escalationRepeats) {}

    @Operation(summary = "A partner's alert preferences (default: your own partner; ops and delegates name it)")
    @GetMapping(path = "/api/alert-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView preferences(
            Authentication authentication,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string", maxLength = InputLimits.NAME))
                    String partner) {
        return view(preferences.get(CurrentUser.of(authentication), partner));
    }

    @Operation(summary = "Follow the defaults again (drop the partner's own preferences); audited")
    @DeleteMapping(path = "/api/alert-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView resetPreferences(
            Authentication authentication,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string", maxLength = InputLimits.NAME))
                    String partner) {
        return view(preferences.reset(CurrentUser.of(authentication), partner));
    }

    /** The binding result goes to the service, which checks who may act before it answers a 400. */
    @Operation(summary = "Replace a partner's alert preferences; validated whole, nothing saved on a 400; audited")
    @PutMapping(
            path = "/api/alert-preferences",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView savePreferences(
            Authentication authentication,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string", maxLength = InputLimits.NAME))
                    String partner,
            @Valid @RequestBody AlertPreferences alertPreferences,
            BindingResult errors) {
        return view(preferences.put(CurrentUser.of(authentication), partner, alertPreferences, errors));
    }

    private PreferencesView view(AlertPreferencesService.Shown shown) {
        AlertPreferences p = shown.preferences();
        return new PreferencesView(
                shown.partner(),
                shown.customised(),
                p.channels(),
                p.thresholds(),
                p.quietHours(),
                p.escalationDelays(),
                p.mutes(),
                new Policy(policy.criticalMuteLimit().toString(), policy.escalationRepeats()));
    }
}
