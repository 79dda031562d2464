package com.partnerworkspace.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.broker.internal.BrokerHttp.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Zerodha Kite Connect v3: the login page sends the person back with a {@code request_token}, which is
 * exchanged for an access token with a SHA-256 checksum of key, token and secret. There is no refresh: every
 * session ends at 06:00 IST, and a person logs in again. Kite echoes {@code redirect_params} on the redirect,
 * which is how {@code state} comes back; the redirect URL itself is registered with the Kite app.
 */
@Component
class KiteConnectBroker implements BrokerAdapter {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalTime DAILY_CUT_OFF = LocalTime.of(6, 0);

    private final BrokerHttp http;
    private final Clock clock;

    KiteConnectBroker(BrokerHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String protocol() {
        return "kite-connect";
    }

    @Override
    public boolean supportsRefresh() {
        return false;
    }

    @Override
    public boolean supportsRevocation() {
        return true;
    }

    @Override
    public URI authorizationUrl(Broker broker, Keys keys, Login login) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("v", "3");
        query.put("api_key", keys.apiKey());
        query.put("redirect_params", BrokerHttp.query(Map.of("state", login.state())));
        return BrokerHttp.withQuery(broker.loginUrl(), query);
    }

    @Override
    public Tokens exchange(Broker broker, Keys keys, Map<String, String> callback, Login login) {
        String status = callback.get("status");
        if (!"success".equals(status)) {
            throw new BrokerException(
                    Failure.ACCESS_DENIED,
                    "The Kite login did not succeed (status " + (status == null ? "missing" : status) + ")");
        }
        String requestToken = callback.get("request_token");
        if (requestToken == null || requestToken.isBlank()) {
            throw new BrokerException(Failure.BROKER_ERROR, "Kite came back without a request token");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", keys.apiKey());
        form.put("request_token", requestToken);
        form.put("checksum", checksum(keys.apiKey(), requestToken, keys.apiSecret()));
        Answer answer = http.send(kite(URI.create(broker.apiUrl() + "/session/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BrokerHttp.form(form)));
        JsonNode data = data(answer, "session", keys.apiKey(), keys.apiSecret(), requestToken);
        String accessToken = data.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new BrokerException(Failure.BROKER_ERROR, "Kite's session answer has no access token");
        }
        Instant issuedAt = clock.instant();
        Instant end = sessionEnd(issuedAt);
        return new Tokens(accessToken, null, issuedAt, end, end);
    }

    @Override
    public Tokens refresh(Broker broker, Keys keys, Tokens current) {
        throw new BrokerException(Failure.SESSION_EXPIRED, "Kite sessions end at 06:00 IST; log in again");
    }

    @Override
    public void revoke(Broker broker, Keys keys, Tokens tokens) {
        URI endpoint = BrokerHttp.withQuery(
                URI.create(broker.apiUrl() + "/session/token"),
                Map.of("api_key", keys.apiKey(), "access_token", tokens.accessToken()));
        Answer answer = http.send(kite(endpoint).DELETE());
        if (answer.ok()) {
            return;
        }
        BrokerException failure = failure(answer, "logout", keys.apiKey(), keys.apiSecret(), tokens.accessToken());
        if (failure.failure() != Failure.SESSION_EXPIRED) {
            throw failure;
        }
        // Kite's TokenException: the session is already gone, which is what revoking asked for.
    }

    @Override
    public String verify(Broker broker, Keys keys, Tokens tokens) {
        Answer answer = http.send(kite(URI.create(broker.apiUrl() + "/user/profile"))
                .header("Authorization", "token " + keys.apiKey() + ":" + tokens.accessToken())
                .GET());
        String userId = data(answer, "profile", keys.apiKey(), keys.apiSecret(), tokens.accessToken())
                .path("user_id")
                .asText("");
        if (userId.isBlank()) {
            throw new BrokerException(Failure.BROKER_ERROR, "Kite's profile answer has no user id");
        }
        return userId;
    }

    /** When a token issued at {@code issuedAt} stops working: the first 06:00 IST strictly after it. */
    static Instant sessionEnd(Instant issuedAt) {
        ZonedDateTime issued = issuedAt.atZone(IST);
        ZonedDateTime cutOff = issued.with(DAILY_CUT_OFF);
        return (cutOff.isAfter(issued) ? cutOff : cutOff.plusDays(1)).toInstant();
    }

    /** Kite's checksum: lowercase hex SHA-256 of api_key + request_token + api_secret. */
    static String checksum(String apiKey, String requestToken, String apiSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String redact(String message, String... secrets) {
        String redacted = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                redacted = redacted.replace(secret, "[redacted]");
            }
        }
        return redacted;
    }

    private static HttpRequest.Builder kite(URI endpoint) {
        return HttpRequest.newBuilder(endpoint).header("X-Kite-Version", "3");
    }

    /** The {@code data} of a successful answer; anything else is thrown as {@link #failure}. */
    private static JsonNode data(Answer answer, String call, String... secrets) {
        JsonNode body = answer.json();
        if (!answer.ok() || !"success".equals(body.path("status").asText())) {
            throw failure(answer, call, secrets);
        }
        return body.path("data");
    }

    /**
     * Kite's error in our terms. A wrong checksum means a wrong API secret, and an unknown api_key a wrong key,
     * whatever exception type Kite files them under; {@code Incorrect api_key or access_token} is Kite's
     * ended-session answer and stays a {@code TokenException}. Kite's message is kept for the person, with any
     * of {@code secrets} it might echo blanked out.
     */
    private static BrokerException failure(Answer answer, String call, String... secrets) {
        JsonNode body = answer.json();
        String type = body.path("error_type").asText("");
        String message = redact(body.path("message").asText(""), secrets);
        if (type.isEmpty() && message.isEmpty()) {
            return new BrokerException(Failure.BROKER_ERROR, "Kite's " + call + " answered " + answer.status);
        }
        String text = message.toLowerCase(Locale.ROOT);
        boolean namesKey = text.contains("api_key") || text.contains("api key");
        boolean namesAccessToken = text.contains("access_token") || text.contains("access token");
        String detail = " (" + type + ": " + message + ")";
        if (text.contains("checksum")) {
            return new BrokerException(
                    Failure.KEYS_REJECTED, "Kite refused the checksum: the API secret is wrong" + detail);
        }
        if ("PermissionException".equals(type)) {
            return new BrokerException(
                    Failure.KEYS_REJECTED, "Kite does not allow this app the " + call + " call" + detail);
        }
        if (namesKey && ("InputException".equals(type) || !namesAccessToken)) {
            return new BrokerException(Failure.KEYS_REJECTED, "Kite refused the API key" + detail);
        }
        if ("TokenException".equals(type)) {
            return new BrokerException(Failure.SESSION_EXPIRED, "The Kite session has ended" + detail);
        }
        return new BrokerException(Failure.BROKER_ERROR, "Kite's " + call + " answered " + answer.status + detail);
    }
}
