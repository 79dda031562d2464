package com.partnerworkspace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Verifying the trail costs at most one walk of the chain per interval, however many ask. */
class ChainVerificationsTest {

    private static final AuditTrail.Verification OK = new AuditTrail.Verification(true, 3, null);

    private final AtomicInteger walks = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void callersWithinTheIntervalShareOneWalk() {
        ChainVerifications verifications = verifications(Duration.ofSeconds(10));

        for (int i = 0; i < 10; i++) {
            verifications.latest();
            now = now.plusMillis(900);
        }

        assertThat(walks.get()).isEqualTo(1);
    }

    @Test
    void anAnswerOlderThanTheIntervalIsWalkedAgain() {
        ChainVerifications verifications = verifications(Duration.ofSeconds(10));
        ChainVerifications.Verified first = verifications.latest();

        now = now.plusSeconds(10);
        ChainVerifications.Verified second = verifications.latest();

        assertThat(walks.get()).isEqualTo(2);
        assertThat(second.at()).isEqualTo(first.at().plusSeconds(10));
    }

    @Test
    void anAnswerFromAClockSetBackIsNotReused() {
        ChainVerifications verifications = verifications(Duration.ofSeconds(10));
        now = now.plusSeconds(60); // e.g. a test moved the clock ahead, then put it back
        verifications.latest();

        now = now.minusSeconds(60);
        verifications.latest();

        assertThat(walks.get()).isEqualTo(2);
    }

    @Test
    void withoutReuseEveryCallWalksButNeverTwoAtOnce() throws Exception {
        AtomicInteger inProgress = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ChainVerifications verifications = new ChainVerifications(
                () -> {
                    mostAtOnce.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
                    sleep(20);
                    inProgress.decrementAndGet();
                    walks.incrementAndGet();
                    return OK;
                },
                Duration.ZERO,
                Clock.systemUTC());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            callers.submit(() -> {
                start.await();
                return verifications.latest();
            });
        }

        start.countDown();
        callers.shutdown();

        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(walks.get()).isEqualTo(8);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    private ChainVerifications verifications(Duration reuse) {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        return new ChainVerifications(
                () -> {
                    walks.incrementAndGet();
                    return OK;
                },
                reuse,
                clock);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
