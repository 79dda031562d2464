package com.partnerworkspace.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.inbox.internal.TaskFilters.SavedFilter;
import com.partnerworkspace.testsupport.RepositorySlice;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Saved inbox filters on the real schema: criteria kept whole, visible to the owner and the shared group. */
@RepositorySlice
@Import(TaskFilters.class)
class TaskFiltersRepositoryTest {

    static final Instant AT = Instant.parse("2030-01-01T08:00:00Z");
    static final TaskCriteria CRITICAL_TODAY =
            new TaskCriteria("delegation-approval", "nikhil", "today", 80, "approver", "unassigned");

    @Autowired
    TaskFilters filters;

    static SavedFilter filter(String id, String owner, String name, String sharedWith) {
        return new SavedFilter(id, owner, name, CRITICAL_TODAY, sharedWith, AT, AT);
    }

    @Test
    void criteriaAndTimesComeBackAsSaved() {
        filters.insert(filter("f-1", "priya", "Critical, due today", "approver"));

        assertThat(filters.find("f-1")).contains(filter("f-1", "priya", "Critical, due today", "approver"));
    }

    @Test
    void theOwnerAndTheSharedGroupSeeAFilterNobodyElseDoes() {
        filters.insert(filter("f-1", "priya", "Mine", null));
        filters.insert(filter("f-2", "priya", "For approvers", "approver"));
        filters.insert(filter("f-3", "omar", "Ops only", "ops"));

        assertThat(filters.visibleTo("priya", Set.of("approver")))
                .extracting(SavedFilter::id)
                .containsExactly("f-2", "f-1");
        assertThat(filters.visibleTo("vikram", Set.of("approver")))
                .extracting(SavedFilter::id)
                .containsExactly("f-2");
        assertThat(filters.visibleTo("nikhil", Set.of()))
                .extracting(SavedFilter::id)
                .isEmpty();
    }

    @Test
    void anUpdateChangesNameCriteriaAndSharingButNotTheOwner() {
        filters.insert(filter("f-1", "priya", "Mine", null));
        SavedFilter changed = new SavedFilter(
                "f-1",
                "priya",
                "Overdue",
                new TaskCriteria(null, null, "overdue", null, null, "me"),
                "approver",
                AT,
                AT.plusSeconds(60));

        filters.update(changed);
        filters.delete("f-none");

        assertThat(filters.find("f-1")).contains(changed);
        filters.delete("f-1");
        assertThat(filters.visibleTo("priya", List.of("approver"))).isEmpty();
    }
}
