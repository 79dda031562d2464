package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.system.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(0)
class ConnectionProblems {

    @ExceptionHandler(ConnectionRefusedException.class)
    ProblemDetail refused(ConnectionRefusedException e) {
        if (!e.fieldErrors().isEmpty()) {
            return Problems.invalid(e.getMessage(), e.fieldErrors());
        }
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }
}
