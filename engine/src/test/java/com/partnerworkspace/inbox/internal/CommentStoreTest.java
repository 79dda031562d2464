package com.partnerworkspace.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.inbox.internal.CommentStore.TaskComment;
import com.partnerworkspace.testsupport.RepositorySlice;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Task comments on the real schema: per task, oldest first, edited in place, found only under their task. */
@RepositorySlice
@Import(CommentStore.class)
class CommentStoreTest {

    private static final Instant NOON = Instant.parse("2030-01-01T12:00:00Z");

    @Autowired
    CommentStore store;

    @Test
    void aTasksCommentsComeOldestFirstAndOnlyThatTasks() {
        String task = UUID.randomUUID().toString();
        store.add(comment(task, "second", NOON.plusSeconds(60)));
        store.add(comment(task, "first", NOON));
        store.add(comment(UUID.randomUUID().toString(), "elsewhere", NOON));

        assertThat(store.ofTask(task)).extracting(TaskComment::text).containsExactly("first", "second");
    }

    @Test
    void anEditKeepsTheCommentAndSaysWhenItChanged() {
        TaskComment comment = comment(UUID.randomUUID().toString(), "draft", NOON);
        store.add(comment);

        store.edit(comment.id(), "final", NOON.plusSeconds(5));

        TaskComment edited = store.find(comment.taskId(), comment.id()).orElseThrow();
        assertThat(edited.text()).isEqualTo("final");
        assertThat(edited.createdAt()).isEqualTo(NOON);
        assertThat(edited.updatedAt()).isEqualTo(NOON.plusSeconds(5));
    }

    @Test
    void aCommentIsFoundOnlyUnderItsOwnTaskAndIsGoneOnceDeleted() {
        TaskComment comment = comment(UUID.randomUUID().toString(), "hello", NOON);
        store.add(comment);

        assertThat(store.find("another-task", comment.id())).isEmpty();
        store.delete(comment.id());
        assertThat(store.find(comment.taskId(), comment.id())).isEmpty();
    }

    private static TaskComment comment(String task, String text, Instant at) {
        return new TaskComment(UUID.randomUUID().toString(), task, "priya", text, at, null);
    }
}
