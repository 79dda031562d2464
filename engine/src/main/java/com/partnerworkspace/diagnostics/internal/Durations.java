package com.partnerworkspace.diagnostics.internal;

import java.time.Duration;

/** Durations as a person reads them: "2 h 5 min", "45 s". */
final class Durations {

    private Durations() {}

    static String words(Duration duration) {
        long seconds = Math.round(Math.abs(duration.toMillis()) / 1000.0);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + rest + " s";
        }
        return rest + " s";
    }
}
