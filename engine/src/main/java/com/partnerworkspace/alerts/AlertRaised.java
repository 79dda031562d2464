package com.partnerworkspace.alerts;

import java.util.Map;

/**
 * "Raise alert": a feature reports a condition for a partner. Repeats of an open alert with the same
 * key (partner + type + resource) count as the same alert.
 *
 * @param type what happened, e.g. {@code policy-violation.rotation-rolled-back}, {@code credential.expiring}
 * @param resource what it is about, e.g. {@code connection/<id>}
 * @param details plain facts for the message; never secrets
 */
public record AlertRaised(
        String partner, String type, String resource, Severity severity, String summary, Map<String, String> details) {

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public AlertRaised {
        details = Map.copyOf(details);
    }

    public String key() {
        return partner + "|" + type + "|" + resource;
    }
}
