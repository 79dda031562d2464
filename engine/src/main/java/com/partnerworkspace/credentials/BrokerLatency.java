package com.partnerworkspace.credentials;

import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fast and how reliably a partner's brokers answered the credential-health scan's calls, read from
 * rolled-up buckets (5-minute ones for steps under an hour, kept 8 days; 1-hour ones otherwise, kept 400
 * days). The caller sees the connections they may see the status of ({@code credentials:view-status}).
 */
public interface BrokerLatency {

    /**
     * The chart of {@code window} up to now, one point per {@code step}, with the SLA over the window.
     *
     * @throws com.partnerworkspace.security.PartnerAccessDeniedException when the caller sees none of it
     */
    LatencyReport report(WorkspaceUser user, String partner, Duration window, Duration step);

    /** The whole window as one figure, with the SLA (for a dashboard tile). */
    LatencySummary summary(WorkspaceUser user, String partner, Duration window);

    record LatencyReport(List<Point> series, Sla sla) {}

    record LatencySummary(
            Duration window,
            @Schema(nullable = true) Integer p50,
            @Schema(nullable = true) Integer p95,
            long errors,
            long samples,
            int connections,
            Sla sla) {}

    /** The calls of {@code [at, at + step)}: latency percentiles in ms (null without calls), errors and calls. */
    record Point(
            Instant at,

            @Schema(nullable = true, description = "Median latency in ms")
            Integer p50,

            @Schema(nullable = true, description = "95th percentile latency in ms")
            Integer p95,

            long errors,
            long samples) {}

    record Sla(Target target, Achieved achieved) {}

    /** What the partner expects: p95 latency at most {@code p95Ms}, at most {@code errorRate} (0..1) of calls failing. */
    record Target(int p95Ms, double errorRate) {}

    /**
     * What the window achieved; {@code met} is null when there were no calls to judge by.
     *
     * @param withinTargetShare the share (0..1) of the window's points with calls whose p95 met the target
     */
    record Achieved(
            @Schema(nullable = true) Integer p95Ms,
            @Schema(nullable = true) Double errorRate,
            @Schema(nullable = true) Double withinTargetShare,
            @Schema(nullable = true) Boolean met) {}

    /**
     * A partner's SLA target. The credentials feature's default ({@link #DEFAULT}) holds until another
     * feature (the persona thresholds) provides a bean.
     */
    @FunctionalInterface
    interface Targets {

        Target DEFAULT = new Target(500, 0.01);

        Target targetOf(String partner);
    }
}
