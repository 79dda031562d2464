package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Smoke-test runs, the one-run-per-partner hold and artifacts through {@link SmokeTestStore}, on the real schema. */
@JdbcTest
@ActiveProfiles("local")
@Import(SmokeTestStore.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class SmokeTestStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123Z");

    @Autowired
    SmokeTestStore store;

    @Test
    void aPartnerHasOneRunQueuedOrRunningAtATimeOthersAreNotHeldUp() {
        SmokeTest first = queued("nikhil", NOW);
        assertThat(store.queue(first)).isTrue();
        assertThat(store.queue(queued("nikhil", NOW.plusSeconds(1)))).isFalse();
        assertThat(store.queue(queued("mukesh", NOW))).isTrue();
        assertThat(store.ofPartner("nikhil")).extracting(SmokeTest::id).containsExactly(first.id());

        store.release(finished(first));
        assertThat(store.queue(queued("nikhil", NOW.plusSeconds(2)))).isTrue();
    }

    @Test
    void aFinishedRunReadsBackWholeWithItsArtifactsAndUnfinishedOnesAreFound() {
        SmokeTest run = queued("raja", NOW);
        store.queue(run);
        assertThat(store.unfinished()).extracting(SmokeTest::id).contains(run.id());

        SmokeTest done = finished(run);
        store.saveArtifact(
                run.id(), new SmokeTestStore.Artifact("step-1-workspace.png", "image/png", new byte[] {1, 2}));
        store.update(done);
        store.release(done);

        assertThat(store.find(run.id())).contains(done);
        assertThat(store.unfinished()).extracting(SmokeTest::id).doesNotContain(run.id());
        assertThat(store.artifact(run.id(), "step-1-workspace.png"))
                .get()
                .satisfies(artifact -> assertThat(artifact.body()).containsExactly(1, 2));
        assertThat(store.artifact(run.id(), "trace.zip")).isEmpty();
    }

    @Test
    void keepsThePartnersLastTwentyRunsAndForgetsTheArtifactsOfOlderOnes() {
        SmokeTest oldest = null;
        for (int i = 0; i < SmokeTestStore.KEPT + 2; i++) {
            SmokeTest run = queued("nitin", NOW.plusSeconds(i));
            oldest = oldest == null ? run : oldest;
            store.queue(run);
            store.saveArtifact(run.id(), new SmokeTestStore.Artifact("trace.zip", "application/zip", new byte[] {9}));
            store.update(finished(run));
            store.release(finished(run));
        }
        List<SmokeTest> kept = store.ofPartner("nitin");
        assertThat(kept).hasSize(SmokeTestStore.KEPT);
        assertThat(kept.get(0).requestedAt()).isEqualTo(NOW.plusSeconds(SmokeTestStore.KEPT + 1));
        assertThat(store.find(oldest.id())).isEmpty();
        assertThat(store.artifact(oldest.id(), "trace.zip")).isEmpty();
    }

    private static SmokeTest queued(String partner, Instant at) {
        return new SmokeTest(
                UUID.randomUUID().toString(),
                partner,
                "c-1",
                SmokeTest.State.QUEUED,
                partner,
                at,
                null,
                null,
                SmokeTest.STEP_NAMES.stream().map(SmokeTest.Step::pending).toList(),
                null);
    }

    private static SmokeTest finished(SmokeTest run) {
        return new SmokeTest(
                run.id(),
                run.partner(),
                run.connection(),
                SmokeTest.State.PASSED,
                run.requestedBy(),
                run.requestedAt(),
                run.requestedAt().plusSeconds(5),
                5000L,
                List.of(new SmokeTest.Step(
                        "workspace", "PASSED", run.requestedAt(), 700L, "step-1-workspace.png", null)),
                "trace.zip");
    }
}
