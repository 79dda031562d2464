package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.Problems;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A claim lost to someone else in the engine itself (not a refusal of ours): 409. */
@RestControllerAdvice
@Order(0)
class InboxProblems {

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ProblemDetail alreadyClaimed(TaskAlreadyClaimedException e) {
        return Problems.of(
                HttpStatus.CONFLICT, "task-claimed", "Task already claimed", "Someone else claimed the task first.");
    }
}
