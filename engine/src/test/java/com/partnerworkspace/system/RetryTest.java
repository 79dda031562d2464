package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void aTreeReadWhileTheJobExecutorReplacedItIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        String answer = Retry.onConcurrentChange(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'p' of execution 'c',"
                        + " perhaps it was deleted in the meantime");
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anOptimisticLockingFailureIsTriedAgainAtMostThreeTimes() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retry.onConcurrentChange(() -> {
                    calls.incrementAndGet();
                    throw new OptimisticLockingException("changed meanwhile");
                }))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherEngineFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retry.onConcurrentChange(() -> {
                    calls.incrementAndGet();
                    throw new ProcessEngineException("ENGINE-13033 something else");
                }))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(calls).hasValue(1);
    }
}
