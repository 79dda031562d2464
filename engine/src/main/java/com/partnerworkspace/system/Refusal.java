package com.partnerworkspace.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.Errors;
import org.springframework.web.ErrorResponseException;

/**
 * The one way a feature says no: an act the caller may not do, or not now, answered as problem+json by
 * Spring's own {@code ErrorResponseException} handling (no advice per feature). Build it with a factory,
 * add extension members with {@link #with}, and read {@link #detail()} where the reason is shown elsewhere
 * (a bulk result, an audit entry).
 */
public class Refusal extends ErrorResponseException {

    public static final String INVALID_DETAIL = "Some fields of the request are not valid.";

    private final Map<String, String> fieldErrors;

    private Refusal(ProblemDetail problem, Map<String, String> fieldErrors) {
        super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** A refusal whose title is the status's reason phrase, e.g. 409 "Conflict". */
    public static Refusal of(HttpStatusCode status, String slug, String detail) {
        return titled(status, slug, Problems.titleOf(status), detail);
    }

    public static Refusal titled(HttpStatusCode status, String slug, String title, String detail) {
        return new Refusal(Problems.of(status, slug, title, detail), Map.of());
    }

    /** A 404 for a thing of this feature, e.g. {@code notFound("delegation-not-found", "There is no such delegation.")}. */
    public static Refusal notFound(String slug, String detail) {
        return of(HttpStatus.NOT_FOUND, slug, detail);
    }

    /** A 400 naming each offending field: {@code errors: [{field, message}]}, as for Bean Validation. */
    public static Refusal invalid(Map<String, String> messageByField) {
        return new Refusal(Problems.invalid(INVALID_DETAIL, messageByField), messageByField);
    }

    /** A 400 naming each field a Spring {@link Errors} rejected, with the first message for each. */
    public static Refusal invalid(Errors errors) {
        Map<String, String> messageByField = new LinkedHashMap<>();
        errors.getFieldErrors()
                .forEach(error -> messageByField.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return invalid(messageByField);
    }

    /**
     * Throws a 400 naming each field Bean Validation refuses in {@code request} (the first message for each):
     * for an endpoint that says who may call it before anything about the body, so validates it itself.
     */
    public static void throwIfInvalid(jakarta.validation.Validator validator, Object request) {
        Map<String, String> messageByField = new java.util.TreeMap<>();
        validator
                .validate(request)
                .forEach(violation ->
                        messageByField.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        if (!messageByField.isEmpty()) {
            throw invalid(messageByField);
        }
    }

    public static Refusal invalid(String field, String message) {
        return invalid(Map.of(field, message));
    }

    /** The same refusal with one more extension member, e.g. {@code with("guide", url)}. */
    public Refusal with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    public String detail() {
        return getBody().getDetail();
    }

    public String slug() {
        String type = String.valueOf(getBody().getType());
        return type.startsWith(Problems.TYPE_BASE) ? type.substring(Problems.TYPE_BASE.length()) : type;
    }

    /** The offending fields of a 400, empty for any other refusal. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The reason, as the caller reads it (not Spring's "409 CONFLICT, ProblemDetail[...]"). */
    @Override
    public String getMessage() {
        return detail();
    }
}
