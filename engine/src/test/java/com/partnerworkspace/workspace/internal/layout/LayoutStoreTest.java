package com.partnerworkspace.workspace.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Saved layouts on the real schema: one per person, replaced on save, gone on restore. */
@RepositorySlice
@Import(LayoutStore.class)
class LayoutStoreTest {

    @Autowired
    LayoutStore store;

    @Test
    void aLayoutIsReadBackAsSavedAndASecondSaveReplacesIt() {
        store.save(
                "raja",
                List.of(new LayoutEntry("latency", "L", Map.of("window", "P7D", "p95TargetMs", 250), false)),
                List.of("latency", "audit"),
                SliceClock.START);
        store.save(
                "raja",
                List.of(
                        new LayoutEntry("audit", "S", Map.of(), false),
                        new LayoutEntry("latency", "M", Map.of(), false)),
                List.of("latency"),
                SliceClock.START.plusSeconds(5));

        LayoutStore.Saved saved = store.of("raja").orElseThrow();
        assertThat(saved.layout()).extracting(LayoutEntry::widget).containsExactly("audit", "latency");
        assertThat(saved.defaultWidgets()).containsExactly("latency");
        assertThat(saved.savedAt()).isEqualTo(SliceClock.START.plusSeconds(5));
    }

    @Test
    void settingsKeepTheirTypes() {
        store.save(
                "nitin",
                List.of(new LayoutEntry("latency", "L", Map.of("window", "P7D", "errorRateTarget", 0.01), false)),
                List.of(),
                SliceClock.START);

        assertThat(store.of("nitin").orElseThrow().layout().get(0).settings())
                .containsEntry("window", "P7D")
                .containsEntry("errorRateTarget", 0.01);
    }

    @Test
    void restoringDeletesTheLayoutOnce() {
        store.save("mukesh", List.of(), List.of(), SliceClock.START);

        assertThat(store.delete("mukesh")).isTrue();
        assertThat(store.delete("mukesh")).isFalse();
        assertThat(store.of("mukesh")).isEmpty();
    }
}
