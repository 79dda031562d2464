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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Generic OAuth 2.0 / OpenID Connect broker: authorization code with PKCE (S256), refresh, RFC 7009
 * revocation and a userinfo call to verify. Endpoints come from the issuer's discovery document; the
 * browser-facing ones are moved onto the catalogue's {@code loginUrl} (which differs from {@code apiUrl}
 * only behind container networks).
 */
@Component
class OAuth2Broker implements BrokerAdapter {

    private final BrokerHttp http;
    private final Clock clock;
    private final Map<URI, JsonNode> discovery = new ConcurrentHashMap<>();

    OAuth2Broker(BrokerHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String protocol() {
        return "oauth2";
    }

    @Override
    public boolean supportsRefresh() {
        return true;
    }

    @Override
    public boolean supportsRevocation() {
        return true;
    }

    @Override
    public URI authorizationUrl(Broker broker, Keys keys, Login login) {
        String endpoint = endpoint(broker, "authorization_endpoint")
                .replace(broker.apiUrl().toString(), broker.loginUrl().toString());
        return BrokerHttp.withQuery(URI.create(endpoint), authorizationParameters(keys, login));
    }

    @Override
    public void checkLogin(Broker broker, Keys keys, Login login) {
        URI probe = BrokerHttp.withQuery(
                URI.create(endpoint(broker, "authorization_endpoint")), authorizationParameters(keys, login));
        Answer answer = http.send(HttpRequest.newBuilder(probe).GET());
        if (answer.ok() || answer.status == 302 || answer.status == 303) {
            return;
        }
        String page = answer.body.toLowerCase(java.util.Locale.ROOT);
        if (page.contains("redirect_uri") || page.contains("redirect uri")) {
            throw new BrokerException(
                    Failure.REDIRECT_URI_MISMATCH,
                    "The broker does not accept " + login.redirectUri() + " as the return address of this app");
        }
        if (page.contains("client")) {
            throw new BrokerException(
                    Failure.KEYS_REJECTED,
                    "The broker does not know the client id " + BrokerException.maskKey(keys.apiKey()));
        }
        throw new BrokerException(Failure.BROKER_ERROR, "The broker's login answered " + answer.status);
    }

    @Override
    public Tokens exchange(Broker broker, Keys keys, Map<String, String> callback, Login login) {
        String error = callback.get("error");
        if (error != null) {
            throw fromOAuthError(error, callback.get("error_description"));
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            throw new BrokerException(Failure.BROKER_ERROR, "The broker came back without an authorization code");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", login.redirectUri().toString());
        form.put("code_verifier", login.codeVerifier());
        try {
            return tokens(tokenCall(broker, keys, form), null);
        } catch (BrokerException e) {
            // invalid_grant on a code exchange is about the code, not a session (RFC 6749 §5.2).
            if (e.failure() == Failure.SESSION_EXPIRED) {
                throw new BrokerException(
                        Failure.CODE_REJECTED,
                        "The broker refused the authorization code: it was used already or has expired ("
                                + e.getMessage() + ")");
            }
            throw e;
        }
    }

    @Override
    public Tokens refresh(Broker broker, Keys keys, Tokens current) {
        if (current.refreshToken() == null) {
            throw new BrokerException(Failure.SESSION_EXPIRED, "The session has no refresh token; log in again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        return tokens(tokenCall(broker, keys, form), current.refreshToken());
    }

    @Override
    public void revoke(Broker broker, Keys keys, Tokens tokens) {
        String endpoint = endpoint(broker, "revocation_endpoint");
        if (tokens.refreshToken() != null) {
            revokeOne(endpoint, keys, tokens.refreshToken(), "refresh_token");
        }
        revokeOne(endpoint, keys, tokens.accessToken(), "access_token");
    }

    @Override
    public String verify(Broker broker, Keys keys, Tokens tokens) {
        Answer answer = http.send(HttpRequest.newBuilder(URI.create(endpoint(broker, "userinfo_endpoint")))
                .header("Authorization", "Bearer " + tokens.accessToken())
                .GET());
        if (answer.status == 401 || answer.status == 403) {
            throw new BrokerException(Failure.SESSION_EXPIRED, "The broker no longer accepts the access token");
        }
        if (!answer.ok()) {
            throw new BrokerException(Failure.BROKER_ERROR, "The broker's userinfo answered " + answer.status);
        }
        return answer.json().path("sub").asText("unknown");
    }

    private void revokeOne(String endpoint, Keys keys, String token, String hint) {
        Answer answer = http.send(clientAuthenticated(URI.create(endpoint), keys)
                .POST(BrokerHttp.form(Map.of("token", token, "token_type_hint", hint))));
        // RFC 7009 §2.2: 200 also for tokens that were already invalid.
        if (!answer.ok()) {
            JsonNode body = answer.json();
            throw fromOAuthError(
                    body.path("error").asText("error"),
                    body.path("error_description").asText(null));
        }
    }

    private JsonNode tokenCall(Broker broker, Keys keys, Map<String, String> form) {
        Answer answer = http.send(clientAuthenticated(URI.create(endpoint(broker, "token_endpoint")), keys)
                .POST(BrokerHttp.form(form)));
        JsonNode body = answer.json();
        if (answer.status == 401) {
            throw new BrokerException(Failure.KEYS_REJECTED, "The broker refused the client id or secret");
        }
        if (!answer.ok()) {
            throw fromOAuthError(
                    body.path("error").asText("error"),
                    body.path("error_description").asText(null));
        }
        return body;
    }

    private Tokens tokens(JsonNode body, String previousRefreshToken) {
        Instant now = clock.instant();
        Instant accessExpiresAt = now.plusSeconds(body.path("expires_in").asLong(300));
        String refreshToken = body.path("refresh_token").asText(previousRefreshToken);
        long refreshExpiresIn = body.path("refresh_expires_in").asLong(-1);
        Instant sessionExpiresAt = refreshToken == null
                ? accessExpiresAt
                : refreshExpiresIn > 0 ? now.plusSeconds(refreshExpiresIn) : now.plus(java.time.Duration.ofDays(30));
        return new Tokens(body.path("access_token").asText(), refreshToken, now, accessExpiresAt, sessionExpiresAt);
    }

    private static BrokerException fromOAuthError(String error, String description) {
        String detail = description == null ? error : error + ": " + description;
        String text = detail.toLowerCase(java.util.Locale.ROOT);
        return switch (error) {
            case "access_denied" ->
                new BrokerException(Failure.ACCESS_DENIED, "The broker login was declined (" + detail + ")");
            case "invalid_client", "unauthorized_client" ->
                new BrokerException(
                        Failure.KEYS_REJECTED, "The broker refused the client id or secret (" + detail + ")");
            case "invalid_grant" ->
                text.contains("redirect")
                        ? new BrokerException(
                                Failure.REDIRECT_URI_MISMATCH, "The broker refused the return address (" + detail + ")")
                        : new BrokerException(Failure.SESSION_EXPIRED, "The broker session has ended (" + detail + ")");
            case "invalid_redirect_uri", "redirect_uri_mismatch" ->
                new BrokerException(
                        Failure.REDIRECT_URI_MISMATCH, "The broker refused the return address (" + detail + ")");
            case "temporarily_unavailable", "server_error" ->
                new BrokerException(Failure.BROKER_UNREACHABLE, "The broker is not available (" + detail + ")");
            default -> new BrokerException(Failure.BROKER_ERROR, "The broker said " + detail);
        };
    }

    private static Map<String, String> authorizationParameters(Keys keys, Login login) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", keys.apiKey());
        query.put("redirect_uri", login.redirectUri().toString());
        query.put("scope", "openid");
        query.put("state", login.state());
        query.put("code_challenge", challenge(login.codeVerifier()));
        query.put("code_challenge_method", "S256");
        return query;
    }

    private HttpRequest.Builder clientAuthenticated(URI endpoint, Keys keys) {
        String basic = Base64.getEncoder()
                .encodeToString((BrokerHttp.encode(keys.apiKey()) + ":" + BrokerHttp.encode(keys.apiSecret()))
                        .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    private String endpoint(Broker broker, String name) {
        JsonNode document = discovery.computeIfAbsent(broker.apiUrl(), this::discover);
        String endpoint = document.path(name).asText(null);
        if (endpoint == null) {
            throw new BrokerException(Failure.BROKER_ERROR, "The broker does not publish a " + name);
        }
        return endpoint;
    }

    private JsonNode discover(URI issuer) {
        Answer answer = http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .GET());
        if (!answer.ok()) {
            throw new BrokerException(Failure.BROKER_ERROR, "The broker has no discovery document at " + issuer);
        }
        return answer.json();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
