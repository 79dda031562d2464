package com.partnerworkspace.credentials.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A connection act the caller may not do, or not now. {@code fieldErrors} make a 400 naming fields;
 * {@code properties} become extension members of the problem (e.g. {@code state}, {@code guide}).
 */
class ConnectionRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> properties;

    ConnectionRefusedException(HttpStatus status, String slug, String message) {
        this(status, slug, status.getReasonPhrase(), message, Map.of(), Map.of());
    }

    private ConnectionRefusedException(
            HttpStatus status,
            String slug,
            String title,
            String message,
            Map<String, String> fieldErrors,
            Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
    }

    static ConnectionRefusedException invalid(Map<String, String> fieldErrors) {
        return new ConnectionRefusedException(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Bad Request",
                "Some fields of the request are not valid.",
                fieldErrors,
                Map.of());
    }

    static ConnectionRefusedException notFound() {
        return new ConnectionRefusedException(
                HttpStatus.NOT_FOUND, "connection-not-found", "There is no such connection.");
    }

    /** The connection's state does not allow the act: the problem names that state and its guide. */
    static ConnectionRefusedException inState(ConnectionState state, String act) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("state", state.name());
        properties.put("guide", ConnectionState.guide(state.guideSlug));
        return new ConnectionRefusedException(
                HttpStatus.CONFLICT,
                state.problemSlug,
                state.explanation,
                "Cannot " + act + ": the connection is " + state.name() + ". " + state.explanation + ".",
                Map.of(),
                properties);
    }

    static ConnectionRefusedException withProperties(
            HttpStatus status, String slug, String message, Map<String, Object> properties) {
        return new ConnectionRefusedException(status, slug, status.getReasonPhrase(), message, Map.of(), properties);
    }

    HttpStatus status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
