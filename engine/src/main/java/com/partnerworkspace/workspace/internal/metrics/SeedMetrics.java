package com.partnerworkspace.workspace.internal.metrics;

import com.partnerworkspace.audit.AuditFacts;
import com.partnerworkspace.workspace.internal.metrics.SurveyStore.Response;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The seed's own success measures, read from what the product already records: time to onboard (a
 * partner's invitation to their first Active connection, from the audit trail), delegated-access
 * decisions per month (audit trail) and satisfaction (survey answers). Months are UTC calendar months.
 */
@Service
public class SeedMetrics {

    static final String INVITED = "partner.invited";
    static final String ACTIVATED = "connection.activated";
    static final String APPROVED = "delegation.approved";
    static final String REJECTED = "delegation.rejected";
    static final int MONTHS = 12;

    public record Metrics(
            Instant generatedAt,

            @Schema(description = "Each invited partner, invitation to first Active connection")
            List<Onboarding> onboarding,

            @Schema(description = "Delegated-access decisions per month, the last 12 months, oldest first")
            List<Decisions> approvalsPerMonth,

            Satisfaction satisfaction) {}

    public record Onboarding(
            String partner,
            Instant invitedAt,

            @Schema(nullable = true, description = "Not yet when the partner has no Active connection")
            Instant firstActiveAt,

            @Schema(nullable = true) Long minutes) {}

    public record Decisions(String month, int approved, int rejected) {}

    public record Satisfaction(
            int answers,

            @Schema(nullable = true, description = "Mean score 1-5; null without answers")
            Double average,

            @Schema(description = "How many answers gave each score, 1 to 5")
            Map<Integer, Integer> byScore,

            List<MonthScore> byMonth) {}

    public record MonthScore(String month, int answers, double average) {}

    private final AuditFacts audit;
    private final SurveyStore surveys;
    private final Clock clock;

    SeedMetrics(AuditFacts audit, SurveyStore surveys, Clock clock) {
        this.audit = audit;
        this.surveys = surveys;
        this.clock = clock;
    }

    public Metrics now() {
        Instant now = clock.instant();
        Instant yearAgo = firstMonth(now).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Metrics(now, onboarding(), decisions(now, yearAgo), satisfaction(now, yearAgo));
    }

    private List<Onboarding> onboarding() {
        Map<String, Instant> firstActive = audit.firstByPartner(ACTIVATED);
        List<Onboarding> rows = new ArrayList<>();
        audit.firstByPartner(INVITED).forEach((partner, invitedAt) -> {
            Instant active = firstActive.get(partner);
            boolean after = active != null && !active.isBefore(invitedAt);
            rows.add(new Onboarding(
                    partner,
                    invitedAt,
                    after ? active : null,
                    after ? Duration.between(invitedAt, active).toMinutes() : null));
        });
        return rows;
    }

    private List<Decisions> decisions(Instant now, Instant from) {
        Map<YearMonth, Long> approved = perMonth(audit.timesOf(APPROVED, from));
        Map<YearMonth, Long> rejected = perMonth(audit.timesOf(REJECTED, from));
        return months(now).stream()
                .map(month -> new Decisions(
                        month.toString(),
                        approved.getOrDefault(month, 0L).intValue(),
                        rejected.getOrDefault(month, 0L).intValue()))
                .toList();
    }

    private Satisfaction satisfaction(Instant now, Instant from) {
        List<Response> answers = surveys.answersSince(from);
        Map<Integer, Integer> byScore = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            byScore.put(score, 0);
        }
        answers.forEach(answer -> byScore.merge(answer.score(), 1, Integer::sum));
        Map<YearMonth, List<Response>> byMonth = answers.stream()
                .collect(Collectors.groupingBy(
                        answer -> YearMonth.from(answer.answeredAt().atZone(ZoneOffset.UTC))));
        List<MonthScore> months = months(now).stream()
                .filter(byMonth::containsKey)
                .map(month ->
                        new MonthScore(month.toString(), byMonth.get(month).size(), mean(byMonth.get(month))))
                .toList();
        return new Satisfaction(answers.size(), answers.isEmpty() ? null : mean(answers), byScore, months);
    }

    private static Map<YearMonth, Long> perMonth(List<Instant> times) {
        return times.stream()
                .collect(Collectors.groupingBy(
                        time -> YearMonth.from(time.atZone(ZoneOffset.UTC)), Collectors.counting()));
    }

    private static List<YearMonth> months(Instant now) {
        YearMonth first = firstMonth(now);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    private static YearMonth firstMonth(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(MONTHS - 1L);
    }

    private static double mean(List<Response> answers) {
        double mean = answers.stream().mapToInt(Response::score).average().orElse(0);
        return Math.round(mean * 100) / 100.0;
    }
}
