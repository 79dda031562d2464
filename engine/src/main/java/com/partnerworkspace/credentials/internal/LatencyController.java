package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.BrokerLatency;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LatencyController {

    private final BrokerLatency latency;

    LatencyController(BrokerLatency latency) {
        this.latency = latency;
    }

    @Operation(
            summary = "Broker call latency (p50/p95 in ms), errors and calls per step over the window, with the"
                    + " partner's SLA target and what the window achieved (from the credential-health scan's calls)")
    @GetMapping(path = "/api/partners/{partner}/latency", produces = MediaType.APPLICATION_JSON_VALUE)
    BrokerLatency.LatencyReport latency(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String partner,
            @Parameter(description = "ISO-8601 duration up to now, PT5M to P90D (e.g. PT24H, P7D, P30D)")
                    @RequestParam(defaultValue = "PT24H")
                    @Size(max = InputLimits.ID)
                    String window,
            @Parameter(description = "ISO-8601 duration per point, whole 5 minutes; default by window")
                    @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    String step) {
        Duration windowLength = LatencyReports.parse("window", window);
        Duration stepLength =
                step == null ? LatencyReports.defaultStep(windowLength) : LatencyReports.parse("step", step);
        return latency.report(CurrentUser.of(authentication), partner, windowLength, stepLength);
    }
}
