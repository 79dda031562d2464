package com.partnerworkspace.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clock every feature gets in the shared context moves with Camunda's, and comes back to real time. */
@EngineTest
class TestClockTest {

    @Autowired
    Clock productClock;

    @Autowired
    TestClock clock;

    @Test
    void theProductAndCamundaMoveTogetherAndComeBackToRealTime() {
        assertThat(productClock).isSameAs(clock);

        clock.advance(Duration.ofMinutes(1));

        Instant expected = Instant.now().plus(Duration.ofMinutes(1));
        assertThat(productClock.instant()).isCloseTo(expected, within(5, ChronoUnit.SECONDS));
        assertThat(ClockUtil.getCurrentTime().toInstant()).isCloseTo(expected, within(5, ChronoUnit.SECONDS));

        clock.reset();

        assertThat(productClock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThat(ClockUtil.getCurrentTime().toInstant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }
}
