package com.partnerworkspace.workspace.internal.layout;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a layout beyond its shape: known widgets, each once, sizes S/M/L, only the settings a
 * widget takes and each within its bounds, and every widget ops pinned kept. Messages are keyed by the
 * field they are about ({@code layout[2].settings.window}); the settings are a free map, so these are
 * checked here rather than by Bean Validation.
 */
final class LayoutRules {

    private LayoutRules() {}

    static Map<String, String> problems(List<LayoutRequest.PlacedWidget> layout, Set<String> pinned) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < layout.size(); i++) {
            LayoutRequest.PlacedWidget entry = layout.get(i);
            String at = "layout[" + i + "]";
            if (!WidgetCatalogue.isKnown(entry.widget())) {
                problems.put(at + ".widget", "is not a widget: use one of " + known());
                continue;
            }
            if (!seen.add(entry.widget())) {
                problems.put(at + ".widget", "is on the workspace already");
            }
            if (!WidgetCatalogue.SIZES.contains(entry.size())) {
                problems.put(at + ".size", "must be S, M or L");
            }
            if (entry.settings() != null) {
                entry.settings().forEach((name, value) -> checkSetting(entry.widget(), name, value, at, problems));
            }
        }
        pinned.stream()
                .filter(widget -> !seen.contains(widget))
                .findFirst()
                .ifPresent(widget -> problems.put("layout", "must keep " + widget + ": ops pinned it"));
        return problems;
    }

    private static void checkSetting(
            String widget, String name, Object value, String at, Map<String, String> problems) {
        String field = at + ".settings." + name;
        Map<String, WidgetCatalogue.Threshold> thresholds = WidgetCatalogue.thresholdsOf(widget);
        if (name.equals(WidgetCatalogue.WINDOW) && WidgetCatalogue.takesWindow(widget)) {
            if (!WidgetCatalogue.WINDOWS.contains(String.valueOf(value))) {
                problems.put(field, "must be one of " + String.join(", ", WidgetCatalogue.WINDOWS));
            }
        } else if (thresholds.containsKey(name)) {
            WidgetCatalogue.Threshold bounds = thresholds.get(name);
            if (!(value instanceof Number number)
                    || number.doubleValue() < bounds.min()
                    || number.doubleValue() > bounds.max()) {
                problems.put(field, "must be a number from " + plain(bounds.min()) + " to " + plain(bounds.max()));
            }
        } else {
            problems.put(field, "is not a setting of " + widget);
        }
    }

    private static String known() {
        return String.join(", ", WidgetCatalogue.widgets().stream().sorted().toList());
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
