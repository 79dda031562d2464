package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.workspace.internal.metrics.SeedMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WidgetsController {

    /** What every widget endpoint answers; {@code data} is the widget's own record. */
    record WidgetResponse(
            String widget,
            Instant generatedAt,

            @Schema(
                    description = "The widget's data, one of these by widget id",
                    anyOf = {
                        LoginHealthWidget.LoginHealthData.class,
                        BrokerConnectionsWidget.BrokerConnectionsData.class,
                        UpcomingRotationsWidget.UpcomingRotationsData.class,
                        LatencyWidget.LatencyData.class,
                        DelegationsWidget.DelegationsData.class,
                        AlertsWidget.AlertsData.class,
                        AuditWidget.AuditData.class,
                        ApprovalsWidget.ApprovalsData.class,
                        PlatformHealthWidget.PlatformHealthData.class,
                        PartnerOverviewWidget.PartnerOverviewData.class,
                        OnboardingWidget.OnboardingData.class,
                        SeedMetrics.Metrics.class
                    })
            Object data) {}

    private final Widgets widgets;

    WidgetsController(Widgets widgets) {
        this.widgets = widgets;
    }

    @Operation(
            summary =
                    "One dashboard widget's data (login-health, broker-connections, upcoming-rotations, latency,"
                            + " delegations, alerts, audit, approvals, platform-health, partner-overview, seed-metrics, onboarding)",
            description = "404 for an unknown widget, 403 for a widget the caller's role does not use or a partner"
                    + " they may not see; partner defaults to the caller's own. A caller with no partner who names"
                    + " none gets alerts and audit across what they may see (ops: every partner; others: their own"
                    + " acts); any other partner widget is then a 400 naming partner.")
    @GetMapping(path = "/api/workspace/widgets/{widget}", produces = MediaType.APPLICATION_JSON_VALUE)
    WidgetResponse widget(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String widget,
            @Parameter(description = "The partner whose data to show; default the caller's own")
                    @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    String partner,
            @Parameter(description = "PT24H (default), P7D or P30D")
                    @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    String window) {
        String session = authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString("sid")
                : null;
        Widgets.WidgetData data = widgets.data(CurrentUser.of(authentication), session, widget, partner, window);
        return new WidgetResponse(data.widget(), data.generatedAt(), data.data());
    }
}
