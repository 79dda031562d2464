/**
 * Alerts that reach people. Its API is the one entry point every feature uses to report a condition:
 * publish an {@link com.partnerworkspace.alerts.AlertRaised} event (in the transaction of the act that
 * found the condition, through Spring's {@code ApplicationEventPublisher}). The alerting itself
 * (routing, escalation, acknowledgement) listens to it: an open alert per key (partner + type +
 * resource; repeats only count), the {@code alert-escalation} process with channels from the
 * {@code alert-routing} DMN, a delivery log with one entry per (alert, level, channel), and the
 * {@code /api/alerts} API. UI: {@code ui/src/app/alerts/}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {"security", "system", "audit", "notify", "keycloak", "inbox"})
package com.partnerworkspace.alerts;
