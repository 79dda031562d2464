package com.partnerworkspace.partners.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persona traits of issue 22's contract, kept in Keycloak as user attributes {@code persona.<trait>}
 * (string values): the persona-defaults decision reads them to pick the partner's default widgets.
 */
record PersonaTraits(
        @NotBlank
        @Size(max = 20)
        @Pattern(regexp = "intraday|swing|positional", message = "must be intraday, swing or positional")
        String tradingStyle,

        @NotBlank @Size(max = 20) @Pattern(regexp = "high|medium|low", message = "must be high, medium or low")
        String latencySensitivity,

        @NotNull @Min(0) @Max(50) Integer brokerCount,

        @NotNull @Min(1) @Max(500) Integer teamSize,

        @NotBlank
        @Size(max = 20)
        @Pattern(
                regexp = "(email|slack|sms)(,(email|slack|sms))*",
                message = "must be a comma list of email, slack and sms")
        String preferredChannels,

        @NotBlank @Size(max = 20) @Pattern(regexp = "new|seasoned", message = "must be new or seasoned")
        String experience) {

    /** As the user attributes carry them, by trait name. */
    Map<String, String> asAttributes() {
        Map<String, String> traits = new LinkedHashMap<>();
        traits.put("tradingStyle", tradingStyle);
        traits.put("latencySensitivity", latencySensitivity);
        traits.put("brokerCount", String.valueOf(brokerCount));
        traits.put("teamSize", String.valueOf(teamSize));
        traits.put("preferredChannels", preferredChannels);
        traits.put("experience", experience);
        return traits;
    }
}
