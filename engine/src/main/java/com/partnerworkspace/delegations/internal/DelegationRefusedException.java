package com.partnerworkspace.delegations.internal;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A delegation act the caller may not do, or not now; {@code fieldErrors} for a 400 naming fields. */
class DelegationRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final Map<String, String> fieldErrors;

    DelegationRefusedException(HttpStatus status, String slug, String message) {
        this(status, slug, message, Map.of());
    }

    private DelegationRefusedException(
            HttpStatus status, String slug, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.slug = slug;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    static DelegationRefusedException invalid(Map<String, String> fieldErrors) {
        return new DelegationRefusedException(
                HttpStatus.BAD_REQUEST, "invalid-request", "Some fields of the request are not valid.", fieldErrors);
    }

    static DelegationRefusedException notFound() {
        return new DelegationRefusedException(
                HttpStatus.NOT_FOUND, "delegation-not-found", "There is no such delegation.");
    }

    HttpStatus status() {
        return status;
    }

    String slug() {
        return slug;
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
