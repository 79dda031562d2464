package com.partnerworkspace.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a transactional act again when the engine's job executor changed the same process at the same
 * moment (Camunda's optimistic locking), as Camunda recommends. The act must be a call through a
 * Spring proxy, so that each attempt is its own transaction.
 */
public final class Retry {

    private static final int ATTEMPTS = 3;

    private Retry() {}

    public static <T> T onConcurrentChange(Supplier<T> act) {
        for (int attempt = 1; ; attempt++) {
            try {
                return act.get();
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                sleep(50L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
