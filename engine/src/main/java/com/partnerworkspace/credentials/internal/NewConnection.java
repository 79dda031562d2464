package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code POST /api/connections}: a broker from the catalogue, a label, and the partner's app keys. */
record NewConnection(
        @Schema(example = "broker-sim") @Size(max = InputLimits.NAME)
        String broker,

        @Schema(example = "Main trading account") @Size(max = InputLimits.NAME)
        String label,

        @Schema(description = "The broker app's API key / client id") @Size(max = InputLimits.API_KEY)
        String apiKey,

        @Schema(description = "The broker app's API secret / client secret; goes straight to Vault")
        @Size(max = InputLimits.API_KEY)
        String apiSecret) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** The broker, or a 400 naming every field that is missing or malformed; nothing is stored before. */
    Broker validate(BrokerCatalogue catalogue) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Broker> broker = Optional.empty();
        if (this.broker == null || this.broker.isBlank()) {
            errors.put("broker", "is required");
        } else {
            broker = catalogue.find(this.broker);
            if (broker.isEmpty()) {
                errors.put("broker", "is not a known broker; GET /api/brokers lists them");
            }
        }
        if (label == null || label.isBlank()) {
            errors.put("label", "is required");
        } else if (label.strip().length() > 100) {
            errors.put("label", "must be at most 100 characters");
        }
        checkKey(errors, "apiKey", apiKey);
        checkKey(errors, "apiSecret", apiSecret);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return broker.orElseThrow();
    }

    private static void checkKey(Map<String, String> errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            errors.put(field, "is required");
        } else if (!KEY.matcher(value).matches()) {
            errors.put(field, "must be 1 to 200 printable characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "NewConnection[broker=" + broker + ", label=" + label + "]";
    }
}
