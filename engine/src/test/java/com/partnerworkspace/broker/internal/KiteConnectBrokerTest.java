package com.partnerworkspace.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kite Connect adapter against a local stand-in for Kite's API that checks what Kite checks: the
 * checksum against the app's secret, single-use request tokens, the {@code token key:access_token} header,
 * and sessions that end on logout.
 */
class KiteConnectBrokerTest {

    static final String API_KEY = "kitekey7f3a";
    static final String API_SECRET = "kitesecret9c1d";
    static final String STATE = "st/a+te=1&x";

    final KiteConnectBroker adapter = new KiteConnectBroker(new BrokerHttp(), java.time.Clock.systemUTC());
    final Keys keys = new Keys(API_KEY, API_SECRET);
    final Login login = new Login(STATE, null, URI.create("https://workspace.example/brokers/zerodha/callback"));

    KiteSimulator kite;
    Broker broker;

    @BeforeEach
    void startKite() throws IOException {
        kite = new KiteSimulator(Map.of(API_KEY, API_SECRET));
        broker = new Broker(
                "zerodha",
                "Zerodha",
                "kite-connect",
                URI.create("https://kite.zerodha.com/connect/login"),
                kite.url(),
                null,
                null,
                null,
                null);
    }

    @AfterEach
    void stopKite() {
        kite.stop();
    }

    @Test
    void authorizationUrlCarriesVersionKeyAndStateAsRedirectParams() {
        URI url = adapter.authorizationUrl(broker, keys, login);

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://kite.zerodha.com/connect/login");
        Map<String, String> query = KiteSimulator.parse(url.getRawQuery());
        assertThat(query).containsOnlyKeys("v", "api_key", "redirect_params");
        assertThat(query).containsEntry("v", "3").containsEntry("api_key", API_KEY);
        // Kite appends redirect_params, decoded once, to its redirect: that is where state comes back from.
        assertThat(KiteSimulator.parse(query.get("redirect_params"))).containsExactly(Map.entry("state", STATE));
    }

    @Test
    void successfulLoginGivesATokenUntilTheNextCutOffThatVerifies() {
        String requestToken = kite.issueRequestToken("AB1234");
        Instant before = Instant.now();

        Tokens tokens = adapter.exchange(broker, keys, callback("success", requestToken), login);

        assertThat(tokens.accessToken()).isEqualTo(kite.lastAccessToken);
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.issuedAt()).isBetween(before, Instant.now());
        assertThat(tokens.accessExpiresAt()).isEqualTo(KiteConnectBroker.sessionEnd(tokens.issuedAt()));
        assertThat(tokens.sessionExpiresAt()).isEqualTo(tokens.accessExpiresAt());
        assertThat(tokens.sessionExpiresAt().atZone(ZoneId.of("Asia/Kolkata")).toLocalTime())
                .hasToString("06:00");
        assertThat(Duration.between(tokens.issuedAt(), tokens.sessionExpiresAt()))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofDays(1));
        assertThat(adapter.verify(broker, keys, tokens)).isEqualTo("AB1234");
    }

    @Test
    void checksumIsLowercaseHexSha256OfKeyRequestTokenAndSecret() throws Exception {
        // FIPS 180-2 test vector: SHA-256("abc").
        assertThat(KiteConnectBroker.checksum("a", "b", "c"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        String requestToken = kite.issueRequestToken("AB1234");
        adapter.exchange(broker, keys, callback("success", requestToken), login);

        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest((API_KEY + requestToken + API_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(kite.lastForm)
                .containsEntry("api_key", API_KEY)
                .containsEntry("request_token", requestToken)
                .containsEntry("checksum", HexFormat.of().formatHex(expected));
    }

    @Test
    void wrongSecretIsKeysRejected() {
        // Kite answers a wrong checksum with 403 TokenException "Invalid checksum"; what is wrong is the secret.
        String requestToken = kite.issueRequestToken("AB1234");

        BrokerException failure = failure(() -> adapter.exchange(
                broker, new Keys(API_KEY, "not-the-secret"), callback("success", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.KEYS_REJECTED);
        assertThat(failure.getMessage()).contains("Invalid checksum").doesNotContain("not-the-secret");
    }

    @Test
    void unknownApiKeyIsKeysRejected() {
        String requestToken = kite.issueRequestToken("AB1234");

        BrokerException failure = failure(() -> adapter.exchange(
                broker, new Keys("unknownkey42", API_SECRET), callback("success", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.KEYS_REJECTED);
        assertThat(failure.getMessage()).doesNotContain("unknownkey42");
    }

    @Test
    void usedRequestTokenIsSessionExpired() {
        String requestToken = kite.issueRequestToken("AB1234");
        adapter.exchange(broker, keys, callback("success", requestToken), login);

        BrokerException failure =
                failure(() -> adapter.exchange(broker, keys, callback("success", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.SESSION_EXPIRED);
    }

    @Test
    void loginThatDidNotSucceedIsAccessDeniedWithoutCallingKite() {
        String requestToken = kite.issueRequestToken("AB1234");

        BrokerException failure =
                failure(() -> adapter.exchange(broker, keys, callback("cancelled", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.ACCESS_DENIED);
        assertThat(kite.calls).hasValue(0);
    }

    @Test
    void callbackWithoutRequestTokenIsBrokerError() {
        Map<String, String> callback = callback("success", null);

        BrokerException failure = failure(() -> adapter.exchange(broker, keys, callback, login));

        assertThat(failure.failure()).isEqualTo(Failure.BROKER_ERROR);
        assertThat(kite.calls).hasValue(0);
    }

    @Test
    void revokeEndsTheSessionAndRevokingAnEndedSessionIsFine() {
        Tokens tokens = adapter.exchange(broker, keys, callback("success", kite.issueRequestToken("AB1234")), login);
        assertThat(adapter.verify(broker, keys, tokens)).isEqualTo("AB1234");

        adapter.revoke(broker, keys, tokens);

        assertThat(kite.sessions).isEmpty();
        assertThat(failure(() -> adapter.verify(broker, keys, tokens)).failure())
                .isEqualTo(Failure.SESSION_EXPIRED);
        assertThatCode(() -> adapter.revoke(broker, keys, tokens)).doesNotThrowAnyException();
    }

    @Test
    void revokeWithAKeyKiteDoesNotKnowIsKeysRejected() {
        Tokens tokens = adapter.exchange(broker, keys, callback("success", kite.issueRequestToken("AB1234")), login);
        kite.answerEverythingWith(403, error("InputException", "Invalid `api_key`."));

        assertThat(failure(() -> adapter.revoke(broker, keys, tokens)).failure())
                .isEqualTo(Failure.KEYS_REJECTED);
    }

    @Test
    void kiteAnswering503IsUnreachable() {
        Tokens tokens = adapter.exchange(broker, keys, callback("success", kite.issueRequestToken("AB1234")), login);
        kite.answerEverythingWith(503, error("GeneralException", "Service unavailable"));

        assertThat(failure(() -> adapter.verify(broker, keys, tokens)).failure())
                .isEqualTo(Failure.BROKER_UNREACHABLE);
        assertThat(failure(() -> adapter.exchange(broker, keys, callback("success", "rt-any"), login))
                        .failure())
                .isEqualTo(Failure.BROKER_UNREACHABLE);
    }

    @Test
    void stoppedKiteIsUnreachable() {
        String requestToken = kite.issueRequestToken("AB1234");
        kite.stop();

        BrokerException failure =
                failure(() -> adapter.exchange(broker, keys, callback("success", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.BROKER_UNREACHABLE);
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | InputException      | Invalid `api_key`.                      | KEYS_REJECTED
            400 | InputException      | Invalid checksum                        | KEYS_REJECTED
            403 | TokenException      | Invalid `api_key`.                      | KEYS_REJECTED
            403 | PermissionException | Insufficient permission for that call. | KEYS_REJECTED
            403 | TokenException      | Token is invalid or has expired.        | SESSION_EXPIRED
            403 | TokenException      | Incorrect `api_key` or `access_token`.  | SESSION_EXPIRED
            400 | InputException      | Missing or empty field `request_token`. | BROKER_ERROR
            400 | GeneralException    | Unknown error                           | BROKER_ERROR
            429 | NetworkException    | Too many requests                       | BROKER_ERROR
            """)
    void kiteErrorsAreNamedInOurTerms(int status, String type, String message, Failure expected) {
        kite.answerEverythingWith(status, error(type, message));

        BrokerException failure = failure(() -> adapter.exchange(broker, keys, callback("success", "rt-any"), login));

        assertThat(failure.failure()).isEqualTo(expected);
        assertThat(failure.getMessage()).contains(message);
    }

    @Test
    void answersThatAreNotKiteJsonAreBrokerErrors() {
        kite.answerEverythingWith(400, "<html><body>Bad request</body></html>");
        assertThat(failure(() -> adapter.exchange(broker, keys, callback("success", "rt-any"), login))
                        .failure())
                .isEqualTo(Failure.BROKER_ERROR);

        kite.answerEverythingWith(200, "{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\"}}");
        assertThat(failure(() -> adapter.exchange(broker, keys, callback("success", "rt-any"), login))
                        .failure())
                .isEqualTo(Failure.BROKER_ERROR);
    }

    @Test
    void kiteWordsThatEchoAKeyOrTokenAreRedacted() {
        String requestToken = kite.issueRequestToken("AB1234");
        kite.answerEverythingWith(
                400, error("InputException", "Bad request_token " + requestToken + " for " + API_KEY));

        BrokerException failure =
                failure(() -> adapter.exchange(broker, keys, callback("success", requestToken), login));

        assertThat(failure.failure()).isEqualTo(Failure.BROKER_ERROR);
        assertThat(failure.getMessage()).contains("Bad request_token [redacted]");
    }

    @Test
    void sessionsCannotBeRefreshedButCanBeRevoked() {
        Tokens tokens = adapter.exchange(broker, keys, callback("success", kite.issueRequestToken("AB1234")), login);

        assertThat(adapter.protocol()).isEqualTo("kite-connect");
        assertThat(adapter.supportsRefresh()).isFalse();
        assertThat(adapter.supportsRevocation()).isTrue();
        BrokerException failure = failure(() -> adapter.refresh(broker, keys, tokens));
        assertThat(failure.failure()).isEqualTo(Failure.SESSION_EXPIRED);
        assertThat(failure.getMessage()).isEqualTo("Kite sessions end at 06:00 IST; log in again");
        assertThat(kite.calls).as("only the exchange called Kite").hasValue(1);
    }

    @ParameterizedTest(name = "issued {0} -> ends {1}")
    @CsvSource({
        "2025-03-10T05:59:59+05:30, 2025-03-10T00:30:00Z",
        "2025-03-10T06:00:00+05:30, 2025-03-11T00:30:00Z",
        "2025-03-10T06:00:01+05:30, 2025-03-11T00:30:00Z",
        "2025-03-10T23:00:00+05:30, 2025-03-11T00:30:00Z",
        "2025-03-09T23:59:59Z, 2025-03-10T00:30:00Z",
        "2025-03-10T00:00:00Z, 2025-03-10T00:30:00Z",
        "2025-03-10T00:29:59Z, 2025-03-10T00:30:00Z",
        "2025-03-10T00:30:00Z, 2025-03-11T00:30:00Z",
        "2025-12-31T23:00:00+05:30, 2026-01-01T00:30:00Z"
    })
    void sessionsEndAtTheFirstSixOClockIstAfterIssue(String issuedAt, String expectedEnd) {
        Instant issued = OffsetDateTime.parse(issuedAt).toInstant();

        assertThat(KiteConnectBroker.sessionEnd(issued)).isEqualTo(Instant.parse(expectedEnd));
    }

    private static Map<String, String> callback(String status, String requestToken) {
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("status", status);
        if (requestToken != null) {
            callback.put("request_token", requestToken);
        }
        callback.put("action", "login");
        callback.put("type", "login");
        callback.put("state", STATE);
        return callback;
    }

    /** The call's BrokerException, after checking its message names no key, secret or token the test used. */
    private BrokerException failure(ThrowingCallable call) {
        BrokerException failure = catchThrowableOfType(BrokerException.class, call);
        assertThat(failure).as("a BrokerException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(API_KEY, API_SECRET);
        kite.issuedTokens.forEach(token -> assertThat(failure.getMessage()).doesNotContain(token));
        return failure;
    }

    private static String error(String type, String message) {
        return KiteSimulator.json(Map.of("status", "error", "message", message, "error_type", type));
    }

    /**
     * Stands in for {@code api.kite.trade}: {@code POST/DELETE /session/token} and {@code GET /user/profile}
     * with Kite's checks and Kite's error answers.
     */
    static final class KiteSimulator {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String INCORRECT_KEY_OR_TOKEN = "Incorrect `api_key` or `access_token`.";

        final Map<String, String> secrets;
        final Map<String, String> requestTokens = new ConcurrentHashMap<>();
        final Map<String, String> sessions = new ConcurrentHashMap<>();
        final List<String> issuedTokens = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile Map<String, String> lastForm = Map.of();
        volatile String lastAccessToken;
        private volatile int forcedStatus;
        private volatile String forcedBody;
        private final HttpServer server;
        private boolean stopped;

        KiteSimulator(Map<String, String> secrets) throws IOException {
            this.secrets = secrets;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/session/token", exchange -> handle(exchange, this::sessionToken));
            server.createContext("/user/profile", exchange -> handle(exchange, this::profile));
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** What Kite puts on the redirect after a person logs in: a single-use request token. */
        String issueRequestToken(String userId) {
            String token = "rt" + UUID.randomUUID().toString().replace("-", "");
            requestTokens.put(token, userId);
            issuedTokens.add(token);
            return token;
        }

        void answerEverythingWith(int status, String body) {
            forcedStatus = status;
            forcedBody = body;
        }

        synchronized void stop() {
            if (!stopped) {
                server.stop(0);
                stopped = true;
            }
        }

        private Reply sessionToken(HttpExchange exchange) throws IOException {
            if (exchange.getRequestMethod().equals("DELETE")) {
                Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
                if (sessions.remove(query.get("api_key") + ":" + query.get("access_token")) == null) {
                    return error(403, "TokenException", INCORRECT_KEY_OR_TOKEN);
                }
                return new Reply(200, json(Map.of("status", "success", "data", true)));
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                return error(405, "InputException", "Method not allowed");
            }
            if (!"application/x-www-form-urlencoded"
                    .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                return error(400, "InputException", "Missing or empty field `api_key`.");
            }
            Map<String, String> form;
            try (InputStream body = exchange.getRequestBody()) {
                form = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            lastForm = form;
            String apiKey = form.get("api_key");
            String requestToken = form.get("request_token");
            String secret = secrets.get(apiKey);
            if (secret == null) {
                return error(403, "TokenException", "Invalid `api_key`.");
            }
            if (!sha256(apiKey + requestToken + secret).equals(form.get("checksum"))) {
                return error(403, "TokenException", "Invalid checksum");
            }
            String userId = requestTokens.remove(requestToken);
            if (userId == null) {
                return error(403, "TokenException", "Token is invalid or has expired.");
            }
            String accessToken = "at" + UUID.randomUUID().toString().replace("-", "");
            sessions.put(apiKey + ":" + accessToken, userId);
            issuedTokens.add(accessToken);
            lastAccessToken = accessToken;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user_id", userId);
            data.put("user_name", "Nikhil Rao");
            data.put("login_time", "2025-03-10 09:15:00");
            data.put("api_key", apiKey);
            data.put("access_token", accessToken);
            data.put("public_token", "pt" + UUID.randomUUID());
            data.put("refresh_token", "");
            return new Reply(200, json(Map.of("status", "success", "data", data)));
        }

        private Reply profile(HttpExchange exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String userId = authorization == null || !authorization.startsWith("token ")
                    ? null
                    : sessions.get(authorization.substring("token ".length()));
            if (userId == null) {
                return error(403, "TokenException", INCORRECT_KEY_OR_TOKEN);
            }
            return new Reply(
                    200,
                    json(Map.of(
                            "status",
                            "success",
                            "data",
                            Map.of("user_id", userId, "user_name", "Nikhil Rao", "broker", "ZERODHA"))));
        }

        private void handle(HttpExchange exchange, Handler handler) throws IOException {
            calls.incrementAndGet();
            Reply reply;
            if (forcedBody != null) {
                reply = new Reply(forcedStatus, forcedBody);
            } else if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Kite-Version"))) {
                reply = error(400, "InputException", "Invalid or missing X-Kite-Version header");
            } else {
                reply = handler.handle(exchange);
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private static Reply error(int status, String type, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "error");
            body.put("message", message);
            body.put("data", null);
            body.put("error_type", type);
            return new Reply(status, json(body));
        }

        static Map<String, String> parse(String query) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return fields;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                fields.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return fields;
        }

        static String json(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @FunctionalInterface
        interface Handler {
            Reply handle(HttpExchange exchange) throws IOException;
        }

        record Reply(int status, String body) {}
    }
}
