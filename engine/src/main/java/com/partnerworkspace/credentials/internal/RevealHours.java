package com.partnerworkspace.credentials.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When revealing a credential is expected (the trading day, by default 06:00–22:00 Asia/Kolkata). A
 * reveal outside still works — the fresh MFA is the gate — but it is a policy violation the partner
 * is alerted about.
 */
@Component
class RevealHours {

    private volatile Window window;

    record Window(LocalTime from, LocalTime to, ZoneId zone) {

        boolean contains(Instant at) {
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

    RevealHours(
            @Value("${workspace.credentials.reveal-hours.from:06:00}") String from,
            @Value("${workspace.credentials.reveal-hours.to:22:00}") String to,
            @Value("${workspace.credentials.reveal-hours.time-zone:Asia/Kolkata}") String zone) {
        this.window = new Window(LocalTime.parse(from), LocalTime.parse(to), ZoneId.of(zone));
    }

    boolean allows(Instant at) {
        return window.contains(at);
    }

    Window window() {
        return window;
    }

    /** Tests move the window to put "now" outside it. */
    void use(Window replacement) {
        this.window = replacement;
    }
}
