package com.partnerworkspace.vault.internal;

import com.partnerworkspace.vault.VaultSecrets.SecretNotFoundException;
import com.partnerworkspace.vault.VaultUnavailableException;
import com.partnerworkspace.vault.VaultWrapping.WrappedSecretGoneException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Vault errors that reach the API unhandled by a feature: a missing secret is a 404, an unreachable or
 * refusing Vault a 503. Neither answer names a path or a value.
 */
@RestControllerAdvice
@Order(0)
class VaultProblems {

    private static final Logger log = LoggerFactory.getLogger(VaultProblems.class);
    private static final String TYPES = "https://partner-workspace/problems/";

    @ExceptionHandler(SecretNotFoundException.class)
    ProblemDetail secretNotFound(SecretNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "secret-not-found", "Secret not found", "There is no such secret.");
    }

    @ExceptionHandler(WrappedSecretGoneException.class)
    ProblemDetail wrappedSecretGone(WrappedSecretGoneException e) {
        return problem(
                HttpStatus.GONE,
                "link-used-or-expired",
                "Link already used or expired",
                "This link was already opened or has expired; ask for a new one.");
    }

    @ExceptionHandler(VaultUnavailableException.class)
    ProblemDetail vaultUnavailable(VaultUnavailableException e) {
        log.warn("{}", e.getMessage());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "vault-unavailable",
                "Secret store unavailable",
                "The secret store is unavailable; try again shortly.");
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + slug));
        problem.setTitle(title);
        return problem;
    }
}
