package com.partnerworkspace.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The product's {@code Clock} bean in a slice: stands still at {@link #START} until the test moves it. */
public class SliceClock extends Clock {

    public static final Instant START = Instant.parse("2030-01-01T12:00:00Z");

    private volatile Instant now = START;

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void reset() {
        now = START;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the product's clock is UTC");
    }
}
