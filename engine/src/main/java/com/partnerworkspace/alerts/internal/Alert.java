package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import java.time.Instant;

/** An alert as the engine keeps it: one row per open condition (repeats only count). */
record Alert(
        String id,
        String partner,
        String type,
        String resource,
        Severity severity,
        String summary,
        AlertState state,
        int level,
        int count,
        Instant raisedAt,
        Instant lastSeenAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeReason,
        String resolvedBy,
        Instant resolvedAt) {

    static final String PROCESS_KEY = "alert-escalation";

    enum AlertState {
        OPEN,
        ACKNOWLEDGED,
        RESOLVED
    }

    String key() {
        return partner + "|" + type + "|" + resource;
    }
}
