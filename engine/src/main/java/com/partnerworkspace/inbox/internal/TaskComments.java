package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.inbox.internal.CommentStore.TaskComment;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on an open task. Its candidates (and assignee) and the partner it is about read and write them;
 * only the author edits or deletes a comment; every change is audited with the text it left.
 */
@Service
class TaskComments {

    private final Inbox inbox;
    private final TaskService tasks;
    private final CommentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskComments(Inbox inbox, TaskService tasks, CommentStore store, ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    List<TaskComment> of(WorkspaceUser user, String taskId) {
        taskFor(user, taskId);
        return store.ofTask(taskId);
    }

    @Transactional
    TaskComment add(WorkspaceUser user, String taskId, String text) {
        Task task = taskFor(user, taskId);
        TaskComment comment =
                new TaskComment(UUID.randomUUID().toString(), taskId, user.username(), text, clock.instant(), null);
        store.add(comment);
        audit(user, task, "task.comment-added", comment.id(), text);
        return comment;
    }

    @Transactional
    TaskComment edit(WorkspaceUser user, String taskId, String commentId, String text) {
        Task task = taskFor(user, taskId);
        TaskComment comment = ownComment(user, taskId, commentId);
        store.edit(commentId, text, clock.instant());
        audit(user, task, "task.comment-edited", commentId, text);
        return store.find(taskId, comment.id()).orElseThrow();
    }

    @Transactional
    void delete(WorkspaceUser user, String taskId, String commentId) {
        Task task = taskFor(user, taskId);
        ownComment(user, taskId, commentId);
        store.delete(commentId);
        audit(user, task, "task.comment-deleted", commentId, null);
    }

    /** The task for its candidates and assignee (the inbox's rule) or for the partner it is about. */
    private Task taskFor(WorkspaceUser user, String taskId) {
        try {
            return inbox.visibleTask(user, taskId);
        } catch (Refusal notACandidate) {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null && isThePartnerConcerned(user, task)) {
                return task;
            }
            throw notACandidate;
        }
    }

    /** The partner themself, not their teammates: a comment may discuss the teammate being granted. */
    private boolean isThePartnerConcerned(WorkspaceUser user, Task task) {
        return user.hasRole("partner")
                && user.partner() != null
                && user.partner().equals(inbox.partnerOf(task));
    }

    private TaskComment ownComment(WorkspaceUser user, String taskId, String commentId) {
        TaskComment comment = store.find(taskId, commentId)
                .orElseThrow(() -> Refusal.notFound("comment-not-found", "The task has no such comment."));
        if (!comment.author().equals(user.username())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "comment-not-yours", "Only its author can change or delete a comment.");
        }
        return comment;
    }

    private void audit(WorkspaceUser user, Task task, String action, String commentId, String text) {
        Map<String, Object> details = text == null
                ? Map.of("commentId", commentId, "taskName", task.getName())
                : Map.of("commentId", commentId, "taskName", task.getName(), "text", text);
        events.publishEvent(
                new AuditEvent(user.username(), inbox.partnerOf(task), action, "task/" + task.getId(), details));
    }
}
