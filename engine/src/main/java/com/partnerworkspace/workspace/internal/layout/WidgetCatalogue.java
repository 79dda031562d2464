package com.partnerworkspace.workspace.internal.layout;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The widgets a layout may hold, their sizes, and the settings each takes: a window, or a threshold with
 * its bounds. The widgets' data come from {@code workspace.internal.widgets}; a test checks both name the
 * same widgets.
 */
final class WidgetCatalogue {

    static final Set<String> SIZES = Set.of("S", "M", "L");
    static final List<String> WINDOWS = List.of("PT24H", "P7D", "P30D");
    static final int MOST_WIDGETS = 20;

    /** A numeric setting between {@code min} and {@code max}. */
    record Threshold(double min, double max) {}

    static final String WINDOW = "window";

    private static final Map<String, Map<String, Threshold>> THRESHOLDS = Map.ofEntries(
            Map.entry("login-health", Map.of("failedLoginsWarn", new Threshold(1, 100))),
            Map.entry("broker-connections", Map.of("warnHours", new Threshold(1, 720))),
            Map.entry("upcoming-rotations", Map.of("warnHours", new Threshold(1, 720))),
            Map.entry(
                    "latency", Map.of("p95TargetMs", new Threshold(1, 60_000), "errorRateTarget", new Threshold(0, 1))),
            Map.entry("delegations", Map.of("expiringDays", new Threshold(1, 90))),
            Map.entry("alerts", Map.of()),
            Map.entry("audit", Map.of()),
            Map.entry("approvals", Map.of()),
            Map.entry("platform-health", Map.of()),
            Map.entry("partner-overview", Map.of()),
            Map.entry("seed-metrics", Map.of()),
            Map.entry("onboarding", Map.of()));

    private static final Set<String> WITH_WINDOW = Set.of("latency", "alerts", "audit", "delegations");

    private WidgetCatalogue() {}

    static Set<String> widgets() {
        return THRESHOLDS.keySet();
    }

    static boolean isKnown(String widget) {
        return THRESHOLDS.containsKey(widget);
    }

    static boolean takesWindow(String widget) {
        return WITH_WINDOW.contains(widget);
    }

    static Map<String, Threshold> thresholdsOf(String widget) {
        return THRESHOLDS.getOrDefault(widget, Map.of());
    }
}
