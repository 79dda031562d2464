package com.partnerworkspace.system;

/**
 * The longest text each kind of API input may be. Every string of a request body, query parameter or
 * path variable under {@code /api/**} carries {@code @Size(max = InputLimits.…)}: Bean Validation
 * refuses a longer value with a 400 naming the field, and springdoc publishes the bound as
 * {@code maxLength} (a test fails for any string input without one).
 */
public final class InputLimits {

    /** Ids: UUIDs, Camunda ids, ISO-8601 durations, enum-like words, time zones, one-time codes. */
    public static final int ID = 64;

    /** Names: usernames, partners, brokers, scopes, labels, alert types. */
    public static final int NAME = 100;

    /** A broker app's API key or secret. */
    public static final int API_KEY = 200;

    /** Email addresses (RFC 5321's longest path). */
    public static final int EMAIL = 254;

    /** Resources named by a path, e.g. {@code connection/<id>}. */
    public static final int RESOURCE = 300;

    /** Opaque tokens from links: share links, acknowledgement links, bot secret links. */
    public static final int TOKEN = 512;

    /** Short reasons: why an alert is acknowledged or silenced. */
    public static final int REASON = 500;

    /** Free text: justifications, comments. */
    public static final int TEXT = 2000;

    /** URLs, and values a third party sends back to us (a broker's callback). */
    public static final int URL = 2048;

    private InputLimits() {}
}
