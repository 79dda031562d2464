package com.partnerworkspace.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Runs a transactional act again when the engine's job executor changed the same process at the same
 * moment, as Camunda recommends: an optimistic-locking failure at the write, or an execution tree read
 * while the job executor was replacing it (ENGINE-03077, "perhaps it was deleted in the meantime"). The
 * act must be a call through a Spring proxy, so that each attempt is its own transaction.
 */
public final class Retry {

    private static final int ATTEMPTS = 3;

    private Retry() {}

    public static <T> T onConcurrentChange(Supplier<T> act) {
        for (int attempt = 1; ; attempt++) {
            try {
                return act.get();
            } catch (ProcessEngineException e) {
                if (!concurrentChange(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                sleep(50L * attempt);
            }
        }
    }

    /** ENGINE-03077: a parent execution gone between reading a child and reading it. */
    static boolean concurrentChange(ProcessEngineException e) {
        return e instanceof OptimisticLockingException
                || (e.getMessage() != null && e.getMessage().startsWith("ENGINE-03077"));
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
