package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/connections}: a broker from the catalogue, a label, and the partner's app keys. The
 * fields' own rules are here; whether the broker is in the catalogue is {@link NewConnectionValidator}'s.
 */
record NewConnection(
        @Schema(example = "broker-sim") @NotBlank(message = REQUIRED) @Size(max = InputLimits.NAME)
        String broker,

        @Schema(example = "Main trading account") @NotBlank(message = REQUIRED) @Size(max = InputLimits.NAME)
        String label,

        @Schema(description = "The broker app's API key / client id")
        @NotEmpty(message = REQUIRED)
        @Pattern(regexp = PRINTABLE, message = KEY_MESSAGE)
        @Size(max = InputLimits.API_KEY)
        String apiKey,

        @Schema(description = "The broker app's API secret / client secret; goes straight to Vault")
        @NotEmpty(message = REQUIRED)
        @Pattern(regexp = PRINTABLE, message = KEY_MESSAGE)
        @Size(max = InputLimits.API_KEY)
        String apiSecret) {

    static final String REQUIRED = "is required";
    /** Printable ASCII without spaces; the length is bounded by {@code @NotEmpty} and {@code @Size}. */
    static final String PRINTABLE = "[\\x21-\\x7e]*";

    static final String KEY_MESSAGE = "must be 1 to 200 printable characters without spaces";

    @Override
    public String toString() {
        return "NewConnection[broker=" + broker + ", label=" + label + "]";
    }
}
