package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.diagnostics.internal.Diagnosis.CheckResult;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every check at once, each under its own timeout: a check that does not answer in time is reported as
 * not finished (warn), one that throws as failed to run (warn), and the run never outlasts the slowest
 * timeout. Nothing a check throws carries the keys out (they are masked from its message).
 */
@Component
class Doctor {

    private static final Logger log = LoggerFactory.getLogger(Doctor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<Check> checks;
    private final Clock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "oauth-doctor-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    Doctor(List<Check> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    Diagnosis examine(Subject subject) {
        Instant ranAt = clock.instant();
        long started = System.nanoTime();
        List<CompletableFuture<CheckResult>> running = checks.stream()
                .map(check -> CompletableFuture.supplyAsync(() -> runOne(check, subject), workers)
                        .completeOnTimeout(
                                notFinished(check),
                                check.timeout().toMillis(),
                                java.util.concurrent.TimeUnit.MILLISECONDS))
                .toList();
        List<CheckResult> results =
                running.stream().map(CompletableFuture::join).toList();
        return new Diagnosis(
                results, ranAt, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    List<String> checkIds() {
        return checks.stream().map(Check::id).toList();
    }

    private static CheckResult runOne(Check check, Subject subject) {
        try {
            Outcome outcome = check.run(subject);
            // What a broker echoes into an answer may carry the keys: none reaches the evidence.
            return CheckResult.of(
                    check,
                    new Outcome(outcome.status(), masked(outcome.evidence(), subject), outcome.guide(), outcome.fix()));
        } catch (RuntimeException e) {
            log.warn(
                    "Check {} of {} could not run: {}",
                    check.id(),
                    subject,
                    e.getClass().getSimpleName());
            String reason = masked(String.valueOf(e.getMessage()), subject);
            return CheckResult.of(check, Outcome.warn("The check could not run: " + reason, check.guide()));
        }
    }

    private static String masked(String text, Subject subject) {
        if (subject.keys() == null) {
            return text;
        }
        return new BrokerException(BrokerException.Failure.BROKER_ERROR, text)
                .withoutSecrets(subject.keys().apiKey(), subject.keys().apiSecret())
                .getMessage();
    }

    private static CheckResult notFinished(Check check) {
        return CheckResult.of(
                check,
                Outcome.warn(
                        "The check did not finish within " + check.timeout().toSeconds() + " s; the broker may"
                                + " be slow or not answering.",
                        check.guide()));
    }
}
