package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.internal.CommentStore.TaskComment;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Around one task: its process diagram, its history, and the comments of those deciding it. */
@RestController
class TaskDetailsController {

    private final TaskDetails details;
    private final TaskComments comments;

    TaskDetailsController(TaskDetails details, TaskComments comments) {
        this.details = details;
        this.comments = comments;
    }

    record CommentText(
            @NotBlank @Size(max = InputLimits.TEXT) String text) {}

    record Comment(
            String id,
            String author,
            String text,
            Instant createdAt,

            @Schema(nullable = true, description = "When its author last changed it")
            Instant updatedAt) {

        static Comment of(TaskComment comment) {
            return new Comment(
                    comment.id(), comment.author(), comment.text(), comment.createdAt(), comment.updatedAt());
        }
    }

    @Operation(summary = "The task's process diagram with the current step and the completed path")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @GetMapping(path = "/api/tasks/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskDetails.Diagram diagram(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return details.diagram(CurrentUser.of(authentication), id);
    }

    @Operation(summary = "What happened so far: the process's steps and who took or gave back the task")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @GetMapping(path = "/api/tasks/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TaskDetails.HistoryEntry> history(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return details.history(CurrentUser.of(authentication), id);
    }

    @Operation(summary = "The task's comments, oldest first (its candidates and the partner it is about)")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @GetMapping(path = "/api/tasks/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Comment> comments(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return comments.of(CurrentUser.of(authentication), id).stream()
                .map(Comment::of)
                .toList();
    }

    @Operation(summary = "Comment on the task (audited)")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @PostMapping(
            path = "/api/tasks/{id}/comments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Comment add(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @Valid @RequestBody CommentText body) {
        return Comment.of(comments.add(CurrentUser.of(authentication), id, body.text()));
    }

    @Operation(summary = "Change my comment (audited)")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @PutMapping(
            path = "/api/tasks/{id}/comments/{commentId}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Comment edit(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @PathVariable @Size(max = InputLimits.ID) String commentId,
            @Valid @RequestBody CommentText body) {
        return Comment.of(comments.edit(CurrentUser.of(authentication), id, commentId, body.text()));
    }

    @Operation(summary = "Delete my comment (audited)")
    @AlsoAnswers(status = 409, description = InboxController.TAKEN_MEANWHILE)
    @DeleteMapping(path = "/api/tasks/{id}/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @PathVariable @Size(max = InputLimits.ID) String commentId) {
        comments.delete(CurrentUser.of(authentication), id, commentId);
    }
}
