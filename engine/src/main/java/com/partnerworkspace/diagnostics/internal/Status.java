package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a check came out. */
enum Status {
    PASS,
    WARN,
    FAIL,
    /** The check does not apply here (e.g. nothing to compare with, or the broker's protocol lacks it). */
    SKIPPED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
