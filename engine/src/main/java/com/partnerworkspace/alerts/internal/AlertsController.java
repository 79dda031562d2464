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
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Alerts: the list, one alert, acknowledging and resolving it, and ops' test alert. */
@RestController
class AlertsController {

    private final AlertService alerts;
    private final DeliveryLog deliveryLog;
    private final AlertPolicy policy;

    AlertsController(AlertService alerts, DeliveryLog deliveryLog, AlertPolicy policy) {
        this.alerts = alerts;
        this.deliveryLog = deliveryLog;
        this.policy = policy;
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
            @Schema(nullable = true) String detail) {

        static DeliveryView of(DeliveryLog.Delivery d) {
            return new DeliveryView(d.level(), d.channel(), d.recipient(), d.at(), d.outcome(), d.detail());
        }
    }

    record AckRequest(
            @Schema(nullable = true, description = "Why, optional") @Size(max = InputLimits.REASON)
            String reason) {}

    record TestAlertRequest(@Size(max = InputLimits.NAME) String partner, Severity severity) {}

    @Operation(
            summary = "Open and recent alerts with their level, repeat count and delivery log (partner: own; ops: all)")
    @GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AlertView> list(Authentication authentication) {
        List<Alert> recent = alerts.recentFor(CurrentUser.of(authentication));
        Map<String, List<DeliveryLog.Delivery>> logs =
                deliveryLog.ofAlerts(recent.stream().map(Alert::id).toList());
        return recent.stream()
                .map(alert -> view(alert, logs.getOrDefault(alert.id(), List.of())))
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

    private AlertView view(Alert alert) {
        return view(alert, deliveryLog.of(alert.id()));
    }

    private AlertView view(Alert a, List<DeliveryLog.Delivery> deliveries) {
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
                deliveries.stream().map(DeliveryView::of).toList());
    }
}
