package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A test message on a partner's channels, through the same {@link Channel} beans as alerts. */
@RestController
class ChannelTestController {

    private final AlertPreferencesService preferences;

    ChannelTestController(AlertPreferencesService preferences) {
        this.preferences = preferences;
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
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string", maxLength = InputLimits.NAME))
                    String partner,
            @Valid @RequestBody(required = false) ChannelTestRequest request) {
        return new ChannelTestReport(
                preferences
                        .test(CurrentUser.of(authentication), partner, request == null ? null : request.channels())
                        .stream()
                        .map(d -> new ChannelTestResult(d.channel(), d.recipient(), d.outcome(), d.detail()))
                        .toList());
    }
}
