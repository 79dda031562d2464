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
}
