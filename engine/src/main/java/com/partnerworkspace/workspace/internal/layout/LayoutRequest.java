package com.partnerworkspace.workspace.internal.layout;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code PUT /api/workspace/layout}: the widgets in order; pinned flags are the server's to set. */
record LayoutRequest(
        @NotNull @Size(max = WidgetCatalogue.MOST_WIDGETS, message = "must have at most 20 widgets")
        List<@NotNull @Valid PlacedWidget> layout) {

    /** One widget as placed; the settings' names and values are checked by {@link LayoutRules}. */
    record PlacedWidget(
            @NotNull @Size(max = InputLimits.ID) String widget,

            @NotNull @Size(max = 1) @Schema(allowableValues = {"S", "M", "L"})
            String size,

            @Schema(
                    description = "window (PT24H, P7D, P30D) and the widget's thresholds",
                    additionalPropertiesSchema = SettingValue.class)
            Map<String, Object> settings) {}

    /** A window such as P7D, or a threshold number. */
    @Schema(
            types = {"string", "number"},
            maxLength = 5)
    interface SettingValue {}
}
