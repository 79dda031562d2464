package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.Refusal;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A claim lost to someone else in the engine itself, outside the inbox's own check (which also says
 * when, see {@code Inbox.taken}): 409 naming who took it.
 */
@RestControllerAdvice
@Order(0)
class InboxProblems {

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ProblemDetail alreadyClaimed(TaskAlreadyClaimedException e) {
        return Refusal.of(HttpStatus.CONFLICT, "task-claimed", e.getTaskAssignee() + " took this task.")
                .with("takenBy", e.getTaskAssignee())
                .getBody();
    }
}
