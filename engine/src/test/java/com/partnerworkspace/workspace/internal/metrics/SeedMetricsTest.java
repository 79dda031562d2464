package com.partnerworkspace.workspace.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.audit.AuditFacts;
import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import com.partnerworkspace.workspace.internal.metrics.SurveyStore.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The seed's metrics from given audit facts (the audit module's own query is tested in {@code
 * AuditFactsQueryTest}) and survey answers on the real schema.
 */
@RepositorySlice
@Import({SurveyStore.class, SeedMetrics.class, SeedMetricsTest.Facts.class})
class SeedMetricsTest {

    static final Instant NOW = SliceClock.START; // 2030-01-01T12:00Z
    static final Instant INVITED = NOW.minus(Duration.ofDays(3));

    @TestConfiguration
    static class Facts {
        @Bean
        AuditFacts auditFacts() {
            return new AuditFacts() {
                @Override
                public Map<String, Instant> firstByPartner(String action) {
                    return switch (action) {
                        case SeedMetrics.INVITED -> Map.of("ravi", INVITED, "sana", INVITED);
                        case SeedMetrics.ACTIVATED ->
                            Map.of("ravi", INVITED.plus(Duration.ofMinutes(17)), "nikhil", NOW.minusSeconds(60));
                        default -> Map.of();
                    };
                }

                @Override
                public List<Instant> timesOf(String action, Instant from) {
                    return switch (action) {
                        case SeedMetrics.APPROVED ->
                            List.of(Instant.parse("2029-12-03T10:00:00Z"), Instant.parse("2030-01-01T09:00:00Z"));
                        case SeedMetrics.REJECTED -> List.of(Instant.parse("2029-12-31T23:59:00Z"));
                        default -> List.of();
                    };
                }
            };
        }
    }

    @Autowired
    SeedMetrics metrics;

    @Autowired
    SurveyStore surveys;

    @Test
    void timeToOnboardRunsFromTheInvitationToTheFirstActiveConnection() {
        List<SeedMetrics.Onboarding> onboarding = metrics.now().onboarding();

        assertThat(onboarding)
                .extracting(SeedMetrics.Onboarding::partner, SeedMetrics.Onboarding::minutes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ravi", 17L),
                        org.assertj.core.groups.Tuple.tuple("sana", null));
    }

    @Test
    void decisionsAreCountedPerCalendarMonthForTwelveMonths() {
        List<SeedMetrics.Decisions> months = metrics.now().approvalsPerMonth();

        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).isEqualTo("2029-02");
        assertThat(months.get(10)).isEqualTo(new SeedMetrics.Decisions("2029-12", 1, 1));
        assertThat(months.get(11)).isEqualTo(new SeedMetrics.Decisions("2030-01", 1, 0));
    }

    @Test
    void satisfactionAveragesTheScoresAndCountsEach() {
        answer(5, NOW.minus(Duration.ofDays(40)));
        answer(3, NOW.minus(Duration.ofHours(2)));
        answer(4, NOW.minus(Duration.ofHours(1)));
        surveys.add(new Response(UUID.randomUUID().toString(), "x", null, "reveal", null, null, NOW));

        SeedMetrics.Satisfaction satisfaction = metrics.now().satisfaction();

        assertThat(satisfaction.answers()).isEqualTo(3);
        assertThat(satisfaction.average()).isEqualTo(4.0);
        assertThat(satisfaction.byScore())
                .containsEntry(3, 1)
                .containsEntry(5, 1)
                .containsEntry(1, 0);
        assertThat(satisfaction.byMonth())
                .containsExactly(
                        new SeedMetrics.MonthScore("2029-11", 1, 5.0), new SeedMetrics.MonthScore("2030-01", 2, 3.5));
    }

    private void answer(int score, Instant at) {
        surveys.add(new Response(UUID.randomUUID().toString(), "raja", "raja", "rotation", score, null, at));
    }
}
