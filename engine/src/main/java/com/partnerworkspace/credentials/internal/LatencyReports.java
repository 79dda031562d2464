package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.BrokerLatency;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.PartnerAccessDeniedException;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Latency charts and SLA figures for the connections the caller may see the status of: the partner's
 * own users and ops see all of them, a delegate those their live grant of {@code credentials:view-status}
 * covers (a grant limited to one connection shows that connection's calls only).
 */
@Service
class LatencyReports implements BrokerLatency {

    static final Duration SHORTEST_STEP = Duration.ofMinutes(5);
    static final Duration LONGEST_WINDOW = Duration.ofDays(90);
    static final int MOST_POINTS = 2016;

    private final LatencyRollups rollups;
    private final ConnectionRepository connections;
    private final PartnerAccess partnerAccess;
    private final ObjectProvider<Targets> targets;
    private final Clock clock;

    LatencyReports(
            LatencyRollups rollups,
            ConnectionRepository connections,
            PartnerAccess partnerAccess,
            ObjectProvider<Targets> targets,
            Clock clock) {
        this.rollups = rollups;
        this.connections = connections;
        this.partnerAccess = partnerAccess;
        this.targets = targets;
        this.clock = clock;
    }

    /** The window and step of a request, or a 400 naming the parameter that is wrong. */
    static Duration parse(String name, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw Refusal.invalid(name, "must be a positive ISO-8601 duration, e.g. PT24H or P7D");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name, "must be an ISO-8601 duration such as PT24H, P7D or PT5M");
        }
    }

    /** The step a chart of {@code window} uses when the caller names none: at most a few hundred points. */
    static Duration defaultStep(Duration window) {
        if (window.compareTo(Duration.ofHours(24)) <= 0) {
            return SHORTEST_STEP;
        }
        return window.compareTo(Duration.ofDays(8)) <= 0 ? Duration.ofHours(1) : Duration.ofHours(6);
    }

    static void check(Duration window, Duration step) {
        if (window.compareTo(SHORTEST_STEP) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw Refusal.invalid("window", "must be between PT5M and P90D");
        }
        if (step.compareTo(SHORTEST_STEP) < 0 || step.toSeconds() % SHORTEST_STEP.toSeconds() != 0) {
            throw Refusal.invalid("step", "must be a whole number of 5 minutes (PT5M, PT1H, P1D, ...)");
        }
        if (step.compareTo(window) > 0) {
            throw Refusal.invalid("step", "must not be longer than the window");
        }
        if (window.dividedBy(step) > MOST_POINTS) {
            throw Refusal.invalid(
                    "step", "gives more than " + MOST_POINTS + " points for this window; choose a longer step");
        }
        if (LatencyRollups.sourceSizeFor(step) == LatencyRollups.FIVE_MINUTES
                && window.compareTo(LatencyRollups.FIVE_MINUTE_BUCKETS_KEPT) > 0) {
            throw Refusal.invalid(
                    "step", "must be whole hours for a window over 8 days (5-minute figures are kept 8 days)");
        }
    }

    @Override
    public LatencyReport report(WorkspaceUser user, String partner, Duration window, Duration step) {
        check(window, step);
        LatencyRollups.Chart chart = chart(visibleTo(user, partner), window, step);
        return new LatencyReport(chart.points(), slaOf(partner, chart));
    }

    @Override
    public LatencySummary summary(WorkspaceUser user, String partner, Duration window) {
        Duration step = window.compareTo(Duration.ofHours(24)) <= 0 ? SHORTEST_STEP : Duration.ofHours(1);
        check(window, step);
        Visible visible = visibleTo(user, partner);
        LatencyRollups.Chart chart = chart(visible, window, step);
        Point total = chart.total();
        return new LatencySummary(
                window,
                total.p50(),
                total.p95(),
                total.errors(),
                total.samples(),
                visible.connectionIds().size(),
                slaOf(partner, chart));
    }

    /** What the caller sees of the partner: all of it, or only some of its connections. */
    private record Visible(String partner, boolean wholePartner, List<String> connectionIds) {}

    /** The whole partner reads the partner's buckets (one per step), some connections read theirs. */
    private LatencyRollups.Chart chart(Visible visible, Duration window, Duration step) {
        Instant now = clock.instant();
        Instant to = LatencyRollups.floor(now, step);
        Instant from = LatencyRollups.floor(now.minus(window), step);
        return visible.wholePartner()
                ? rollups.partnerChart(visible.partner(), from, to, step)
                : rollups.chart(visible.connectionIds(), from, to, step);
    }

    /** @throws PartnerAccessDeniedException when the caller may see neither the partner nor one of its connections */
    private Visible visibleTo(WorkspaceUser user, String partner) {
        boolean wholePartner = partnerAccess.mayActFor(user, partner, ConnectionService.VIEW_SCOPE);
        List<String> visible = connections.ofPartner(partner).stream()
                .filter(c ->
                        wholePartner || partnerAccess.mayActFor(user, partner, ConnectionService.VIEW_SCOPE, c.id()))
                .map(Connection::id)
                .toList();
        if (!wholePartner && visible.isEmpty()) {
            throw new PartnerAccessDeniedException(partner, ConnectionService.VIEW_SCOPE);
        }
        return new Visible(partner, wholePartner, visible);
    }

    private Sla slaOf(String partner, LatencyRollups.Chart chart) {
        Target target = targets.getIfAvailable(() -> p -> Targets.DEFAULT).targetOf(partner);
        Point total = chart.total();
        if (total.samples() == 0) {
            return new Sla(target, new Achieved(null, null, null, null));
        }
        double errorRate = (double) total.errors() / total.samples();
        List<Point> judged =
                chart.points().stream().filter(point -> point.samples() > 0).toList();
        double within = (double) judged.stream()
                        .filter(point -> point.p95() <= target.p95Ms())
                        .count()
                / judged.size();
        boolean met = total.p95() <= target.p95Ms() && errorRate <= target.errorRate();
        return new Sla(target, new Achieved(total.p95(), errorRate, within, met));
    }
}
