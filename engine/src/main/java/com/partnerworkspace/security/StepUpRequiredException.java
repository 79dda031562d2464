package com.partnerworkspace.security;

import java.time.Duration;

/**
 * The act needs a fresh MFA step-up (answered 403, with RFC 9470's {@code insufficient_user_authentication},
 * {@code acr_values="mfa"} and {@code max_age}), so the UI can send the user to Keycloak for the OTP.
 */
public class StepUpRequiredException extends RuntimeException {

    private final Duration maxAge;

    public StepUpRequiredException(Duration maxAge) {
        super("A multi-factor login within the last " + maxAge.toSeconds() + " seconds is required");
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
