package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.TaskForm.TaskRefusedException;
import com.partnerworkspace.system.Problems;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(0)
class InboxProblems {

    @ExceptionHandler(TaskRefusedException.class)
    ProblemDetail refused(TaskRefusedException e) {
        HttpStatusCode status = HttpStatusCode.valueOf(e.status());
        return Problems.of(status, e.slug(), titleOf(status), e.getMessage());
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ProblemDetail alreadyClaimed(TaskAlreadyClaimedException e) {
        return Problems.of(
                HttpStatus.CONFLICT, "task-claimed", "Task already claimed", "Someone else claimed the task first.");
    }

    private static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Task refused" : known.getReasonPhrase();
    }
}
