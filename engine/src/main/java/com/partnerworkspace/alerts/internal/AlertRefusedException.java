package com.partnerworkspace.alerts.internal;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An alert act the caller may not do, or not now; {@code fieldErrors} for a 400 naming fields. */
class AlertRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final Map<String, String> fieldErrors;

    AlertRefusedException(HttpStatus status, String slug, String message) {
        this(status, slug, message, Map.of());
    }

    private AlertRefusedException(HttpStatus status, String slug, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.slug = slug;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    static AlertRefusedException invalid(String field, String message) {
        return new AlertRefusedException(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Some fields of the request are not valid.",
                Map.of(field, message));
    }

    static AlertRefusedException invalid(Map<String, String> fieldErrors) {
        return new AlertRefusedException(
                HttpStatus.BAD_REQUEST, "invalid-request", "Some fields of the request are not valid.", fieldErrors);
    }

    static AlertRefusedException notFound() {
        return new AlertRefusedException(HttpStatus.NOT_FOUND, "alert-not-found", "There is no such alert.");
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
