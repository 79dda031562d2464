package com.partnerworkspace.system;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every API error (RFC 9457): a {@code type} URI under {@value #TYPE_BASE}, a short
 * {@code title}, the {@code status} and a {@code detail} written for the caller. Features build their
 * own problems with {@link #of}; {@link #forStatus} names the generic ones.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://partner-workspace/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 naming each offending field: {@code errors: [{field, message}]}, as for Bean Validation. */
    public static ProblemDetail invalid(String detail, Map<String, String> messageByField) {
        ProblemDetail problem = forStatus(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty(
                "errors",
                messageByField.entrySet().stream()
                        .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                        .toList());
        return problem;
    }

    /** A problem whose type and title follow from its status alone, e.g. {@code .../problems/not-found}. */
    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        return of(status, slugOf(status), titleOf(status), detail);
    }

    /** The request path as the problem's {@code instance}, or none when it is not a valid URI reference. */
    public static URI instance(String requestPath) {
        try {
            return URI.create(requestPath);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    static String slugOf(HttpStatusCode status) {
        return titleOf(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
