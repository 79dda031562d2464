package com.partnerworkspace.workspace.internal.layout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code PUT /api/workspace/layout}: the widgets in order; pinned flags are the server's to set. */
record LayoutRequest(
        @NotNull @Size(max = WidgetCatalogue.MOST_WIDGETS, message = "must have at most 20 widgets")
        List<@NotNull @Valid Entry> layout) {

    record Entry(@NotNull String widget, @NotNull String size, Map<String, Object> settings) {}
}
