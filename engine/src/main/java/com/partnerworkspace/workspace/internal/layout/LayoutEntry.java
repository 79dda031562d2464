package com.partnerworkspace.workspace.internal.layout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** One widget on a workspace: which, how large, its settings, and whether ops pinned it. */
record LayoutEntry(
        @Schema(description = "Widget id, e.g. broker-connections")
        String widget,

        @Schema(allowableValues = {"S", "M", "L"}) String size,

        @Schema(description = "window (PT24H, P7D, P30D) and the widget's thresholds, e.g. {\"warnHours\": 6}")
        Map<String, Object> settings,

        @Schema(description = "Pinned by ops: it cannot be removed")
        boolean pinned) {

    LayoutEntry {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    LayoutEntry pinned(boolean value) {
        return new LayoutEntry(widget, size, settings, value);
    }
}
