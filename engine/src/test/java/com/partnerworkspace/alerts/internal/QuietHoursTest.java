package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final AlertPreferences.QuietHours overnightInIndia =
            new AlertPreferences.QuietHours("22:00", "07:00", "Asia/Kolkata");
    private final AlertPreferences.QuietHours lunchInLondon =
            new AlertPreferences.QuietHours("12:00", "13:00", "Europe/London");

    @Test
    void quietHoursThatCrossMidnightCountInTheirOwnTimeZone() {
        assertThat(overnightInIndia.contains(Instant.parse("2030-03-04T16:30:00Z")))
                .as("22:00 IST")
                .isTrue();
        assertThat(overnightInIndia.contains(Instant.parse("2030-03-04T20:00:00Z")))
                .as("01:30 IST")
                .isTrue();
        assertThat(overnightInIndia.contains(Instant.parse("2030-03-05T01:29:00Z")))
                .as("06:59 IST")
                .isTrue();
        assertThat(overnightInIndia.contains(Instant.parse("2030-03-05T01:30:00Z")))
                .as("07:00 IST")
                .isFalse();
        assertThat(overnightInIndia.contains(Instant.parse("2030-03-04T16:29:00Z")))
                .as("21:59 IST")
                .isFalse();
    }

    @Test
    void quietHoursWithinADayFollowSummerTime() {
        assertThat(lunchInLondon.contains(Instant.parse("2030-07-01T11:30:00Z")))
                .as("12:30 BST")
                .isTrue();
        assertThat(lunchInLondon.contains(Instant.parse("2030-07-01T12:30:00Z")))
                .as("13:30 BST")
                .isFalse();
        assertThat(lunchInLondon.contains(Instant.parse("2030-01-15T12:30:00Z")))
                .as("12:30 GMT")
                .isTrue();
    }
}
