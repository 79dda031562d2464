package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Acknowledgement links from alert messages; public: the signed link is the authority. */
@RestController
class AlertLinksController {

    private final AlertService alerts;

    AlertLinksController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** What an acknowledgement link is about. */
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
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AlertLinkView.of(alerts.byLink(token)));
    }

    @Operation(summary = "Acknowledge through a link from an alert message (no login; works once); audited")
    @AlsoAnswers(status = 410, description = "The link was used already or has expired")
    @AlsoAnswers(status = 409, description = "The alert is acknowledged or resolved already")
    @PostMapping(path = "/api/alert-links/{token}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertLinkView acknowledgeByLink(
            @PathVariable @Size(max = InputLimits.TOKEN) String token,
            @Valid @RequestBody(required = false) AlertsController.AckRequest request) {
        String reason = request == null ? null : request.reason();
        return AlertLinkView.of(Retry.onConcurrentChange(() -> alerts.acknowledgeByLink(token, reason)));
    }
}
