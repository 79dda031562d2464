package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one check found: its status, the evidence in words a partner can check, the guide section that
 * explains it and, where one exists, a one-click fix.
 */
record Outcome(Status status, String evidence, String guide, Fix fix) {

    static Outcome pass(String evidence, String guide) {
        return new Outcome(Status.PASS, evidence, guide, null);
    }

    static Outcome warn(String evidence, String guide) {
        return new Outcome(Status.WARN, evidence, guide, null);
    }

    static Outcome fail(String evidence, String guide) {
        return new Outcome(Status.FAIL, evidence, guide, null);
    }

    static Outcome skipped(String reason, String guide) {
        return new Outcome(Status.SKIPPED, reason, guide, null);
    }

    Outcome withFix(Fix fix) {
        return new Outcome(status, evidence, guide, fix);
    }

    /**
     * A one-click fix the UI offers beside a failed check.
     *
     * @param action {@code copy} (copy {@code value}), {@code reconnect}, {@code rotate}, {@code add-connection}
     *     (add it again with corrected keys) or {@code set-setting} ({@code value} for the setting {@code setting})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fix(String action, String label, String value, String setting) {

        static Fix copy(String label, String value) {
            return new Fix("copy", label, value, null);
        }

        static Fix of(String action, String label) {
            return new Fix(action, label, null, null);
        }

        static Fix setSetting(String setting, String label, String value) {
            return new Fix("set-setting", label, value, setting);
        }
    }
}
