package com.partnerworkspace.system;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as problem+json. Spring's own exceptions keep their statuses; anything unexpected
 * becomes a 500 without internals in the body (the log has them).
 */
@RestControllerAdvice(basePackages = "com.partnerworkspace")
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://partner-workspace/problems/bad-request"));
        return problem;
    }

    @ExceptionHandler(com.partnerworkspace.vault.VaultUnavailableException.class)
    ProblemDetail vaultUnavailable(RuntimeException e) {
        log.warn("{}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The secret store is unavailable; try again shortly.");
        problem.setType(URI.create("https://partner-workspace/problems/vault-unavailable"));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security answers these with its own problem+json 401/403
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.");
        problem.setType(URI.create("https://partner-workspace/problems/internal"));
        return problem;
    }
}
