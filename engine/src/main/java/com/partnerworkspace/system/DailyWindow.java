package com.partnerworkspace.system;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A stretch of every day, from {@code from} (inclusive) to {@code to} (exclusive) in a time zone; crosses midnight when {@code from} is after {@code to}. */
public record DailyWindow(LocalTime from, LocalTime to, ZoneId zone) {

    public static DailyWindow parse(String from, String to, String zone) {
        return new DailyWindow(LocalTime.parse(from), LocalTime.parse(to), ZoneId.of(zone));
    }

    public boolean contains(Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "–" + to + " " + zone;
    }
}
