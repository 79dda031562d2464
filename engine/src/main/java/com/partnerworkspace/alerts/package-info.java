/**
 * Alerts that reach people. Its API is the one entry point every feature uses to report a condition:
 * publish an {@link com.partnerworkspace.alerts.AlertRaised} event (in the transaction of the act that
 * found the condition, through Spring's {@code ApplicationEventPublisher}). The alerting itself
 * (routing, escalation, acknowledgement) listens to it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {})
package com.partnerworkspace.alerts;
