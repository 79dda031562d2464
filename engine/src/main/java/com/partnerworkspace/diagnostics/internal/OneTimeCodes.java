package com.partnerworkspace.diagnostics.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * TOTP codes for synthetic users. Keycloak takes each code once, so a code of a time step already used
 * waits for the next step. Keycloak keeps real time: so does this (not the engine's test clock).
 */
@Component
class OneTimeCodes {

    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private final Clock realTime = Clock.systemUTC();

    /**
     * A code of a time step not used before by this user, waiting for the next step if needed.
     *
     * @throws SmokeTestScript.StepFailed when the wait would outlast {@code withinMs}
     */
    String unusedCode(String username, String seed, long withinMs) {
        long now = realTime.millis();
        long step = TotpCodes.timeStep(now / 1000);
        Long last = lastStep.get(username);
        if (last != null && last >= step) {
            step = last + 1;
            long waitMs = step * TotpCodes.PERIOD_SECONDS * 1000 - now + 200;
            if (waitMs > withinMs) {
                throw new SmokeTestScript.StepFailed("No unused one-time code before the deadline.");
            }
            sleep(waitMs);
        }
        lastStep.put(username, step);
        return TotpCodes.code(seed, step);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeTestScript.StepFailed("Interrupted while waiting for the next one-time code.");
        }
    }
}
