package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.system.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(0)
class AlertProblems {

    @ExceptionHandler(AlertRefusedException.class)
    ProblemDetail refused(AlertRefusedException e) {
        if (!e.fieldErrors().isEmpty()) {
            return Problems.invalid(e.getMessage(), e.fieldErrors());
        }
        return Problems.of(e.status(), e.slug(), e.status().getReasonPhrase(), e.getMessage());
    }
}
