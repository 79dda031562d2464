package com.partnerworkspace.broker;

/** A broker call failed, and {@link #failure()} says how, in terms a person can act on. */
public class BrokerException extends RuntimeException {

    /** What went wrong; each has its own troubleshooting guide. */
    public enum Failure {
        /** The broker refused the API key / client id or secret ({@code invalid_client}). */
        KEYS_REJECTED,
        /** The person declined, or the account may not use the app ({@code access_denied}). */
        ACCESS_DENIED,
        /** The broker does not know the workspace's callback address. */
        REDIRECT_URI_MISMATCH,
        /**
         * The broker refused the login's authorization code: used already, or expired before it was exchanged
         * (a slow return, or clocks apart).
         */
        CODE_REJECTED,
        /** The session ended (daily cut-off, refresh token expired, revoked elsewhere). */
        SESSION_EXPIRED,
        /** The broker could not be reached or answered with a server error. */
        BROKER_UNREACHABLE,
        /** Anything else the broker said no to; the detail has its words. */
        BROKER_ERROR
    }

    private final Failure failure;

    public BrokerException(Failure failure, String detail) {
        super(detail);
        this.failure = failure;
    }

    public BrokerException(Failure failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    /**
     * An API key as a person may see it again: the last 4 characters at most ({@code ••••pace}), none for a
     * key shorter than 8.
     */
    public static String maskKey(String key) {
        if (key == null || key.length() < 8) {
            return MASK;
        }
        return MASK + key.substring(key.length() - 4);
    }

    /**
     * The same failure with every given secret taken out of its detail: the API key masked (last 4 at most),
     * secrets and tokens blanked, also where the broker echoed them URL-encoded. Detail is what connections,
     * tasks and the audit trail show, so nothing the person typed or the broker issued may stay in it.
     */
    public BrokerException withoutSecrets(String apiKey, String... secrets) {
        String detail = getMessage() == null ? "" : getMessage();
        String masked = detail;
        for (String secret : longestFirst(secrets)) {
            masked = replaceEverywhere(masked, secret, MASK);
        }
        masked = replaceEverywhere(masked, apiKey, maskKey(apiKey));
        return masked.equals(detail) ? this : new BrokerException(failure, masked, getCause());
    }

    private static final String MASK = "••••";
    private static final int SHORTEST_MASKED = 4;

    private static java.util.List<String> longestFirst(String[] secrets) {
        return java.util.Arrays.stream(secrets)
                .filter(secret -> secret != null && secret.length() >= SHORTEST_MASKED)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    private static String replaceEverywhere(String text, String secret, String replacement) {
        if (secret == null || secret.length() < SHORTEST_MASKED) {
            return text; // shorter is no secret, and masking it would garble ordinary words
        }
        String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        return text.replace(secret, replacement).replace(encoded, replacement);
    }
}
