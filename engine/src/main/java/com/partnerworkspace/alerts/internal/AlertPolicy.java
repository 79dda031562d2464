package com.partnerworkspace.alerts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workspace-wide alerting policy (not the partner's to change).
 *
 * @param deliveryAttempts failed sends on one channel before it falls back to the next channel
 * @param deliveryRetryCycle the backoff between retries of a level's delivery job (Camunda retry cycle)
 * @param criticalMuteLimit how long a silence may hold back a critical alert; after it, it breaks through
 * @param escalationRepeats how often the partner levels (1, 2) repeat before the alert goes to operations
 * @param ackLinkTtl how long an acknowledgement link in a message works
 * @param shortestEscalationDelay the shortest escalation delay a partner may set (tests set seconds)
 */
@ConfigurationProperties("workspace.alerts")
record AlertPolicy(
        @DefaultValue("3") int deliveryAttempts,

        @DefaultValue("PT10S,PT30S,PT1M,PT2M,PT5M,PT10M,PT15M,PT30M,PT1H")
        String deliveryRetryCycle,

        @DefaultValue("PT4H") Duration criticalMuteLimit,
        @DefaultValue("1") int escalationRepeats,
        @DefaultValue("PT24H") Duration ackLinkTtl,
        @DefaultValue("PT1M") Duration shortestEscalationDelay) {}
