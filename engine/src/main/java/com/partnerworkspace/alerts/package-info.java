/**
 * Alerts that reach people. Its API is the one entry point every feature uses to report a condition:
 * publish an {@link com.partnerworkspace.alerts.AlertRaised} event (in the transaction of the act that
 * found the condition, through Spring's {@code ApplicationEventPublisher}). The alerting itself
 * (routing, escalation, acknowledgement) listens to it: an open alert per key (partner + type +
 * resource; repeats only count), the {@code alert-escalation} process with channels from the
 * {@code alert-routing} DMN, a delivery log with one entry per (alert, level, channel), and the
 * {@code /api/alerts} API. Channels: email, Slack and SMS ({@code notify}; the SMS gateway's settings
 * and the signatures of acknowledgement links come from Vault), with per-channel retries and fallback;
 * silences run {@code alert-silence}. UI: {@code ui/src/app/alerts/}.
 *
 * <p>Raise an alert from any feature: {@code events.publishEvent(new AlertRaised(partner, type,
 * resource, severity, summary, details))} inside the transaction of the act that found the condition;
 * {@code AlertCleared} with the same partner, type and resource resolves it.
 *
 * <p>A partner who has not chosen channels hears, at their own tier, on their persona's channels: the
 * {@link com.partnerworkspace.alerts.PersonaChannels} the workspace provides from its persona decision.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {"security", "system", "audit", "notify", "keycloak", "vault", "inbox"})
package com.partnerworkspace.alerts;
