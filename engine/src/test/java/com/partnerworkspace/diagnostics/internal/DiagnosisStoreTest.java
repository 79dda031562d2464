package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.diagnostics.internal.Diagnosis.CheckResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The doctor's runs and settings through {@link DiagnosisStore}, on the real schema (H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(DiagnosisStore.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class DiagnosisStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123Z");

    @Autowired
    DiagnosisStore store;

    @Test
    void keepsTheLastTwentyRunsOfAConnectionNewestFirstAndReadsThemBackWhole() {
        for (int run = 0; run < 23; run++) {
            store.keep("c-1", "nikhil", "nikhil", diagnosis(NOW.plusSeconds(run)));
        }
        store.keep("c-2", "nikhil", "omar", diagnosis(NOW));

        List<DiagnosisStore.Run> runs = store.runs("c-1");
        assertThat(runs).hasSize(DiagnosisStore.KEPT);
        assertThat(runs.get(0).diagnosis().ranAt()).isEqualTo(NOW.plusSeconds(22));
        assertThat(runs.get(19).diagnosis().ranAt()).isEqualTo(NOW.plusSeconds(3));
        assertThat(runs.get(0).diagnosis()).isEqualTo(diagnosis(NOW.plusSeconds(22)));
        assertThat(store.runs("c-2"))
                .singleElement()
                .extracting(DiagnosisStore.Run::ranBy)
                .isEqualTo("omar");
    }

    @Test
    void settingsAreReplacedWholeAndAbsentOnesAreNone() {
        assertThat(store.settings("c-3")).isEqualTo(DiagnosisStore.Settings.NONE);
        store.saveSettings(
                "c-3",
                new DiagnosisStore.Settings("https://w.example/api/brokers/callback", "203.0.113.7"),
                "nikhil",
                NOW);
        store.saveSettings("c-3", new DiagnosisStore.Settings(null, "203.0.113.8"), "nikhil", NOW);
        assertThat(store.settings("c-3")).isEqualTo(new DiagnosisStore.Settings(null, "203.0.113.8"));
    }

    private static Diagnosis diagnosis(Instant ranAt) {
        return new Diagnosis(
                List.of(
                        new CheckResult(
                                "redirect-uri",
                                Status.FAIL,
                                "Redirect URI",
                                "differs",
                                GuideSections.REDIRECT_COMPARE,
                                Outcome.Fix.copy("Copy", "http://localhost:8080/api/brokers/callback")),
                        new CheckResult("scopes", Status.SKIPPED, "Scopes", "no token", GuideSections.SCOPES, null)),
                ranAt,
                42);
    }
}
