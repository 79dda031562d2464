package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertsController {

    private final AlertService alerts;
    private final AlertDeliveries deliveries;
    private final AlertPreferencesService preferences;
    private final AlertPolicy policy;

    AlertsController(
            AlertService alerts, AlertDeliveries deliveries, AlertPreferencesService preferences, AlertPolicy policy) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.policy = policy;
    }

    /** A partner's preferences, and whether they are their own or the defaults they follow. */
    record PreferencesView(
            String partner,
            boolean customised,
            AlertPreferences.Channels channels,
            AlertPreferences.Thresholds thresholds,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "Left out when there are none")
            AlertPreferences.QuietHours quietHours,

            AlertPreferences.EscalationDelays escalationDelays,
            List<AlertPreferences.Mute> mutes,
            Policy policy) {}

    /** The workspace's rules around a partner's preferences (read only). */
    record Policy(
            @Schema(description = "A silence holds back critical alerts for at most this long (ISO-8601)")
            String criticalMuteLimit,

            @Schema(description = "How often the partner levels repeat before operations take over")
            int escalationRepeats) {}

    private PreferencesView view(String partner, AlertPreferencesStore.Stored stored) {
        AlertPreferences p = stored.preferences();
        return new PreferencesView(
                partner,
                stored.customised(),
                p.channels(),
                p.thresholds(),
                p.quietHours(),
                p.escalationDelays(),
                p.mutes(),
                new Policy(policy.criticalMuteLimit().toString(), policy.escalationRepeats()));
    }

    record ChannelTestRequest(
            @Schema(nullable = true, description = "email, slack, sms; all three when left out") @Size(max = 3)
            List<@Size(max = InputLimits.ID) String> channels) {}

    record ChannelTestReport(List<ChannelTestResult> results) {}

    record ChannelTestResult(
            String channel,
            String recipient,
            String outcome,
            @Schema(nullable = true) String detail) {}

    @Operation(summary = "Send a test message on the partner's channels and report what each one did; audited")
    @PostMapping(path = "/api/alert-preferences/test", produces = MediaType.APPLICATION_JSON_VALUE)
    ChannelTestReport testChannels(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String partner,
            @Valid @RequestBody(required = false) ChannelTestRequest request) {
        WorkspaceUser user = CurrentUser.of(authentication);
        return new ChannelTestReport(
                preferences.test(user, partner, request == null ? null : request.channels()).stream()
                        .map(d -> new ChannelTestResult(d.channel(), d.recipient(), d.outcome(), d.detail()))
                        .toList());
    }

    /** What an acknowledgement link is about; public: the signed link is the authority. */
    record AlertLinkView(
            String alertId,
            String partner,
            Severity severity,
            String summary,
            Alert.AlertState state,
            int level,
            @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant acknowledgedAt,

            @Schema(description = "Until when the link works")
            Instant expiresAt) {

        static AlertLinkView of(AlertService.LinkedAlert linked) {
            Alert a = linked.alert();
            return new AlertLinkView(
                    a.id(),
                    a.partner(),
                    a.severity(),
                    a.summary(),
                    a.state(),
                    a.level(),
                    a.acknowledgedBy(),
                    a.acknowledgedAt(),
                    linked.link().expiresAt());
        }
    }

    @Operation(summary = "What an acknowledgement link from an alert message is about (no login; does not use it)")
    @AlsoAnswers(status = 410, description = "The link was used already or has expired")
    @GetMapping(path = "/api/alert-links/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AlertLinkView> link(@PathVariable @Size(max = InputLimits.TOKEN) String token) {
        return ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(AlertLinkView.of(alerts.byLink(token)));
    }

    @Operation(summary = "Acknowledge through a link from an alert message (no login; works once); audited")
    @AlsoAnswers(status = 410, description = "The link was used already or has expired")
    @AlsoAnswers(status = 409, description = "The alert is acknowledged or resolved already")
    @PostMapping(path = "/api/alert-links/{token}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertLinkView acknowledgeByLink(
            @PathVariable @Size(max = InputLimits.TOKEN) String token,
            @Valid @RequestBody(required = false) AckRequest request) {
        String reason = request == null ? null : request.reason();
        return AlertLinkView.of(Retry.onConcurrentChange(() -> alerts.acknowledgeByLink(token, reason)));
    }

    @Operation(summary = "A partner's alert preferences (default: your own partner; ops and delegates name it)")
    @GetMapping(path = "/api/alert-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView preferences(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String partner) {
        WorkspaceUser user = CurrentUser.of(authentication);
        AlertPreferencesStore.Stored stored = preferences.get(user, partner);
        return view(partner == null || partner.isBlank() ? user.partner() : partner, stored);
    }

    @Operation(summary = "Follow the defaults again (drop the partner's own preferences); audited")
    @DeleteMapping(path = "/api/alert-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView resetPreferences(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String partner) {
        WorkspaceUser user = CurrentUser.of(authentication);
        AlertPreferencesStore.Stored stored = preferences.reset(user, partner);
        return view(partner == null || partner.isBlank() ? user.partner() : partner, stored);
    }

    @Operation(summary = "Replace a partner's alert preferences; validated whole, nothing saved on a 400; audited")
    @PutMapping(
            path = "/api/alert-preferences",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PreferencesView savePreferences(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String partner,
            @Valid @RequestBody AlertPreferences body) {
        WorkspaceUser user = CurrentUser.of(authentication);
        AlertPreferencesStore.Stored stored = preferences.put(user, partner, body);
        return view(partner == null || partner.isBlank() ? user.partner() : partner, stored);
    }

    record AlertView(
            String id,
            String partner,
            String type,
            String resource,
            Severity severity,
            String summary,
            Alert.AlertState state,

            @Schema(
                    description = "Partner levels 1, 2 (2 adds the backup contacts), repeated as the policy says;"
                            + " the level after them: with operations")
            int level,

            @Schema(description = "The level at which operations take over (2 x the policy's repeats + 1)")
            int opsLevel,

            @Schema(description = "How often the condition was raised while open")
            int count,

            Instant raisedAt,
            Instant lastSeenAt,
            @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant acknowledgedAt,
            @Schema(nullable = true) String acknowledgeReason,
            @Schema(nullable = true) String resolvedBy,
            @Schema(nullable = true) Instant resolvedAt,
            List<DeliveryView> deliveries) {}

    record DeliveryView(
            int level,
            String channel,
            String recipient,
            Instant at,
            String outcome,
            @Schema(nullable = true) String detail) {}

    record AckRequest(
            @Schema(nullable = true, description = "Why, optional") @Size(max = InputLimits.REASON)
            String reason) {}

    record TestAlertRequest(@Size(max = InputLimits.NAME) String partner, Severity severity) {}

    @Operation(
            summary = "Open and recent alerts with their level, repeat count and delivery log (partner: own; ops: all)")
    @GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AlertView> list(Authentication authentication) {
        return alerts.recentFor(CurrentUser.of(authentication)).stream()
                .map(this::view)
                .toList();
    }

    @Operation(summary = "One alert with its level, repeat count and delivery log")
    @GetMapping(path = "/api/alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView one(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return view(alerts.visible(CurrentUser.of(authentication), id));
    }

    @Operation(summary = "Acknowledge an open alert (stops its escalation); audited")
    @AlsoAnswers(status = 409, description = "The alert is acknowledged or resolved already")
    @PostMapping(path = "/api/alerts/{id}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView acknowledge(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @Valid @RequestBody(required = false) AckRequest request) {
        WorkspaceUser user = CurrentUser.of(authentication);
        String reason = request == null ? null : request.reason();
        return view(Retry.onConcurrentChange(() -> alerts.acknowledge(user, id, reason)));
    }

    @Operation(summary = "Resolve an open alert: the condition is gone; audited")
    @AlsoAnswers(status = 409, description = "The alert is acknowledged or resolved already")
    @PostMapping(path = "/api/alerts/{id}/resolve", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertView resolve(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        WorkspaceUser user = CurrentUser.of(authentication);
        return view(Retry.onConcurrentChange(() -> alerts.resolve(user, id)));
    }

    @Operation(summary = "Ops: raise a test alert for a partner (the same path as a real one)")
    @PostMapping(
            path = "/api/alerts/test",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AlertView> raiseTest(Authentication authentication, @Valid @RequestBody TestAlertRequest request) {
        Alert alert = alerts.raiseTest(CurrentUser.of(authentication), request.partner(), request.severity());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(alert));
    }

    private AlertView view(Alert a) {
        return new AlertView(
                a.id(),
                a.partner(),
                a.type(),
                a.resource(),
                a.severity(),
                a.summary(),
                a.state(),
                a.level(),
                2 * Math.max(1, policy.escalationRepeats()) + 1,
                a.count(),
                a.raisedAt(),
                a.lastSeenAt(),
                a.acknowledgedBy(),
                a.acknowledgedAt(),
                a.acknowledgeReason(),
                a.resolvedBy(),
                a.resolvedAt(),
                deliveries.of(a.id()).stream()
                        .map(d -> new DeliveryView(
                                d.level(), d.channel(), d.recipient(), d.at(), d.outcome(), d.detail()))
                        .toList());
    }
}
