package com.partnerworkspace.alerts;

import java.time.Duration;

/**
 * A partner's alert thresholds (its own or the defaults it follows), for the features that decide when
 * a condition is worth an alert. Get it from the {@code AlertThresholds.Source} bean.
 */
public record AlertThresholds(
        Duration credentialWarningBefore,
        Duration credentialCriticalBefore,
        int loginFailures,
        Duration loginFailureWindow) {

    /** The thresholds of one partner. */
    public interface Source {
        AlertThresholds thresholdsOf(String partner);
    }
}
