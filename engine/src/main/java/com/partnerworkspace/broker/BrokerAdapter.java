package com.partnerworkspace.broker;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A broker protocol. Implementations are Spring beans named by {@link #protocol()}; every call either
 * returns or throws a {@link BrokerException} saying what went wrong in the broker's terms.
 */
public interface BrokerAdapter {

    /** The {@code adapter} value of catalogue entries this adapter serves. */
    String protocol();

    boolean supportsRefresh();

    boolean supportsRevocation();

    /** Where the browser logs in; the broker comes back to {@code login.redirectUri()} with {@code state}. */
    URI authorizationUrl(Broker broker, Keys keys, Login login);

    /**
     * Checks, before a person is sent there, that the broker would show its login for these keys and this
     * redirect URI (an unknown client or a redirect URI the broker does not know stop on the broker's own
     * error page, and the callback never comes).
     */
    default void checkLogin(Broker broker, Keys keys, Login login) {}

    /** Exchanges what the broker's redirect carried (parameters of the callback) for tokens. */
    Tokens exchange(Broker broker, Keys keys, Map<String, String> callback, Login login);

    /** New tokens for the current session, without the person. */
    Tokens refresh(Broker broker, Keys keys, Tokens current);

    /** Ends the session at the broker; a session that is already gone is not an error. */
    void revoke(Broker broker, Keys keys, Tokens tokens);

    /** One authenticated call; returns the broker's account id for the token. */
    String verify(Broker broker, Keys keys, Tokens tokens);

    /** The partner's keys for a broker app. {@link #toString()} never shows the secret. */
    record Keys(String apiKey, String apiSecret) {
        @Override
        public String toString() {
            return "Keys[apiKey=" + BrokerException.maskKey(apiKey) + "]";
        }
    }

    /** One login attempt: the {@code state} that binds the callback, PKCE verifier, and where to come back. */
    record Login(String state, String codeVerifier, URI redirectUri) {
        @Override
        public String toString() {
            return "Login[redirectUri=" + redirectUri + "]";
        }
    }

    /**
     * A broker session's tokens.
     *
     * @param sessionExpiresAt when the session ends and a person must log in again (refresh token
     *     expiry, or the access token's when there is no refresh)
     */
    record Tokens(
            String accessToken,
            String refreshToken,
            Instant issuedAt,
            Instant accessExpiresAt,
            Instant sessionExpiresAt) {

        public Map<String, String> asValues() {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("accessToken", accessToken);
            if (refreshToken != null) {
                values.put("refreshToken", refreshToken);
            }
            values.put("issuedAt", issuedAt.toString());
            values.put("accessExpiresAt", accessExpiresAt.toString());
            values.put("sessionExpiresAt", sessionExpiresAt.toString());
            return values;
        }

        public static Tokens fromValues(Map<String, String> values) {
            if (values.get("accessToken") == null) {
                return null;
            }
            return new Tokens(
                    values.get("accessToken"),
                    values.get("refreshToken"),
                    Instant.parse(values.get("issuedAt")),
                    Instant.parse(values.get("accessExpiresAt")),
                    Instant.parse(values.get("sessionExpiresAt")));
        }

        public Duration age(Instant now) {
            return Duration.between(issuedAt, now);
        }

        @Override
        public String toString() {
            return "Tokens[issuedAt=" + issuedAt + ", sessionExpiresAt=" + sessionExpiresAt + "]";
        }
    }
}
