package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.system.DailyWindow;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When revealing a credential is expected (the trading day, by default 06:00–22:00 Asia/Kolkata). A
 * reveal outside still works — the fresh MFA is the gate — but it is a policy violation the partner
 * is alerted about.
 */
@Component
class RevealHours {

    private volatile DailyWindow window;

    RevealHours(
            @Value("${workspace.credentials.reveal-hours.from:06:00}") String from,
            @Value("${workspace.credentials.reveal-hours.to:22:00}") String to,
            @Value("${workspace.credentials.reveal-hours.time-zone:Asia/Kolkata}") String zone) {
        this.window = DailyWindow.parse(from, to, zone);
    }

    boolean allows(Instant at) {
        return window.contains(at);
    }

    DailyWindow window() {
        return window;
    }

    /** Tests move the window to put "now" outside it. */
    void use(DailyWindow replacement) {
        this.window = replacement;
    }
}
