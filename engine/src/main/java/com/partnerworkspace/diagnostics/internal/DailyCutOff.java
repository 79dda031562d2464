package com.partnerworkspace.diagnostics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A broker's daily cut-off, after which every session ends whatever its token said (Kite Connect: 06:00
 * IST). Configured per broker as {@code workspace.diagnostics.daily-cut-off.<broker>: "06:00 Asia/Kolkata"}.
 */
record DailyCutOff(LocalTime time, ZoneId zone) {

    /** A session that ended within this of a cut-off ended because of it. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    static DailyCutOff parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        return new DailyCutOff(LocalTime.parse(parts[0]), ZoneId.of(parts.length > 1 ? parts[1] : "UTC"));
    }

    /** The first cut-off after {@code moment}. */
    Instant nextAfter(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        ZonedDateTime today = local.with(time);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }

    /** Whether {@code moment} is a cut-off (within {@link #MARGIN}). */
    boolean isCutOff(Instant moment) {
        Instant next = nextAfter(moment.minus(MARGIN));
        return Duration.between(moment, next).abs().compareTo(MARGIN) <= 0;
    }

    @Override
    public String toString() {
        return time + " " + zone;
    }

    /** The cut-offs of the catalogue's brokers. */
    @Component
    static class Catalogue {

        private final Environment environment;

        Catalogue(Environment environment) {
            this.environment = environment;
        }

        Optional<DailyCutOff> of(String broker) {
            return Optional.ofNullable(environment.getProperty("workspace.diagnostics.daily-cut-off." + broker))
                    .filter(text -> !text.isBlank())
                    .map(DailyCutOff::parse);
        }
    }
}
