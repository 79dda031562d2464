package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.system.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(0)
class DelegationProblems {

    @ExceptionHandler(DelegationRefusedException.class)
    ProblemDetail refused(DelegationRefusedException e) {
        if (!e.fieldErrors().isEmpty()) {
            return Problems.invalid(e.getMessage(), e.fieldErrors());
        }
        HttpStatus status = e.status();
        return Problems.of(status, e.slug(), status.getReasonPhrase(), e.getMessage());
    }
}
