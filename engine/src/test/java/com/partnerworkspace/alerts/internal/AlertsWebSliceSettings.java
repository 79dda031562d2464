package com.partnerworkspace.alerts.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the alerts controllers read beside their services in a {@code WebSlice}: the policy as configured
 * (its defaults: ops take over at level 3, escalation delays from PT1M) and the real preference rules, whose
 * outbound check refuses the one internal address the tests send instead of resolving hosts.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertPolicy.class)
class AlertsWebSliceSettings {

    static final String INTERNAL_HOOK = "http://10.0.0.1/hook";

    @Bean
    AlertPreferencesRules alertPreferencesRules(AlertPolicy policy, Clock clock) {
        return new AlertPreferencesRules(
                url -> url.equals(INTERNAL_HOOK)
                        ? Optional.of("must not point to an internal address")
                        : Optional.empty(),
                policy.shortestEscalationDelay(),
                clock);
    }
}
