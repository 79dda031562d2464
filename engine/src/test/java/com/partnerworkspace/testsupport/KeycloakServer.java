package com.partnerworkspace.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The real Keycloak with the realm from {@code keycloak-realm/}. Hands out access tokens for demo users
 * through the direct-grant client {@code workspace-cli}, with the OTP computed from the seeded secret.
 */
public final class KeycloakServer {

    public static final String REALM = "partner-workspace";
    public static final String DEMO_PASSWORD = "demo1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final Map<String, String> totpSecrets;
    private final Map<String, Long> lastTimeStep = new ConcurrentHashMap<>();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakServer(String url, Path realmFile) {
        this.url = url;
        this.totpSecrets = new ConcurrentHashMap<>(readTotpSecrets(realmFile));
    }

    public String url() {
        return url;
    }

    public String issuer() {
        return url + "/realms/" + REALM;
    }

    public String totpSecret(String username) {
        String secret = totpSecrets.get(username);
        if (secret == null) {
            throw new IllegalArgumentException("no demo TOTP secret for " + username);
        }
        return secret;
    }

    /** A valid access token for a demo user; reused while it has a minute left (OTP codes are single-use). */
    public String accessToken(String username) {
        CachedToken cached = usableCachedToken(username);
        if (cached != null) {
            return cached.value();
        }
        synchronized (this) {
            // Another thread may have logged in meanwhile: a second login would wait for the next
            // OTP window (30 s) for nothing.
            cached = usableCachedToken(username);
            if (cached != null) {
                return cached.value();
            }
            CachedToken fresh = directGrant(username);
            tokens.put(username, fresh);
            return fresh.value();
        }
    }

    private CachedToken usableCachedToken(String username) {
        CachedToken cached = tokens.get(username);
        return cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(60)) ? cached : null;
    }

    /**
     * A new access token for the user's existing session (refresh grant), so it carries what Keycloak
     * holds now, e.g. a group joined since the last token, without another OTP.
     */
    public String freshAccessToken(String username) {
        accessToken(username);
        CachedToken cached = tokens.get(username);
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", "workspace-cli");
        form.put("refresh_token", cached.refreshToken());
        CachedToken fresh = tokenRequest(username, form);
        tokens.put(username, fresh);
        return fresh.value();
    }

    /**
     * An access token from a browser-style login with the OTP step-up ({@code acr_values=mfa}): what the UI
     * gets after "Confirm with MFA", with {@code acr} mfa and a fresh {@code auth_time}. Drives Keycloak's
     * own login forms over HTTP (password, then OTP) and exchanges the code with PKCE.
     */
    public synchronized String mfaAccessToken(String username) {
        // Keycloak marks its cookies Secure (localhost counts as secure to browsers, not to Java's
        // CookieManager), so the few login cookies are carried by hand.
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        String verifier = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        String redirectUri = EngineTest.BASE_URL + "/";
        String authorize = issuer() + "/protocol/openid-connect/auth?"
                + formBody(Map.of(
                        "client_id", "workspace-ui",
                        "response_type", "code",
                        "scope", "openid",
                        "redirect_uri", redirectUri,
                        "acr_values", "mfa",
                        "code_challenge", Pkce.challenge(verifier),
                        "code_challenge_method", "S256",
                        "state", "test"));
        try {
            HttpResponse<String> loginPage = keepCookies(
                    cookies,
                    browser.send(
                            withCookies(HttpRequest.newBuilder(URI.create(authorize)), cookies)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            HttpResponse<String> otpPage = postForm(
                    browser,
                    cookies,
                    formAction(loginPage.body()),
                    Map.of("username", username, "password", DEMO_PASSWORD, "credentialId", ""));
            // A code of a time step someone else used (a browser journey types its own) is refused with the
            // OTP page again: the next step's code, on the form that page answers with, is then accepted.
            HttpResponse<String> redirect = otpPage;
            for (int attempt = 1; attempt <= 2; attempt++) {
                String otp = Totp.code(totpSecret(username), nextUnusedTimeStep(username));
                redirect = postForm(browser, cookies, formAction(redirect.body()), Map.of("otp", otp));
                if (redirect.headers().firstValue("Location").isPresent()) {
                    break;
                }
            }
            HttpResponse<String> answered = redirect;
            String location = redirect.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "MFA login of " + username + " did not redirect: HTTP " + answered.statusCode()));
            String code = queryParam(location, "code");
            Map<String, String> form = new HashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("client_id", "workspace-ui");
            form.put("code", code);
            form.put("redirect_uri", redirectUri);
            form.put("code_verifier", verifier);
            return tokenRequest(username, form).value();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A person logging in at a broker's login page (an OAuth authorization URL, e.g. of the broker-sim
     * realm) in a browser-like way; returns where the broker sends the browser back (the callback URL
     * with {@code code} and {@code state}), without following it.
     */
    public URI brokerLogin(URI authorizationUrl, String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        try {
            HttpResponse<String> loginPage = keepCookies(
                    cookies,
                    browser.send(
                            withCookies(HttpRequest.newBuilder(authorizationUrl), cookies)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            HttpResponse<String> redirect = postForm(
                    browser,
                    cookies,
                    formAction(loginPage.body()),
                    Map.of("username", username, "password", password, "credentialId", ""));
            return URI.create(redirect.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "broker login of " + username + " did not redirect: HTTP " + redirect.statusCode())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new user doing what Keycloak's setup email asks, as in a browser: opens the email's link, sets the
     * password {@link #DEMO_PASSWORD}, registers an authenticator with the secret Keycloak's page offers.
     * The secret is kept, so {@link #accessToken} works for the user afterwards.
     */
    public synchronized void completeAccountSetup(URI emailLink, String username) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        try {
            HttpResponse<String> page = keepCookies(
                    cookies,
                    browser.send(
                            withCookies(HttpRequest.newBuilder(emailLink), cookies)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            for (int step = 0; step < 12; step++) {
                String html = page.body();
                java.util.Optional<String> location = page.headers().firstValue("Location");
                if (location.isPresent()) {
                    page = keepCookies(
                            cookies,
                            browser.send(
                                    withCookies(
                                                    HttpRequest.newBuilder(URI.create(emailLink
                                                            .resolve(location.get())
                                                            .toString())),
                                                    cookies)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()));
                } else if (html.contains("name=\"password-new\"")) {
                    page = postForm(
                            browser,
                            cookies,
                            formAction(html),
                            Map.of("password-new", DEMO_PASSWORD, "password-confirm", DEMO_PASSWORD));
                } else if (html.contains("name=\"totpSecret\"")) {
                    String secret = Totp.encode(inputValue(html, "totpSecret").getBytes(StandardCharsets.UTF_8));
                    totpSecrets.put(username, secret);
                    page = postForm(
                            browser,
                            cookies,
                            formAction(html),
                            Map.of(
                                    "totp",
                                    Totp.code(secret, nextUnusedTimeStep(username)),
                                    "totpSecret",
                                    inputValue(html, "totpSecret"),
                                    "userLabel",
                                    "test authenticator"));
                } else if (html.contains("login-actions/action-token") || html.contains("proceedWithAction")) {
                    java.util.regex.Matcher proceed = java.util.regex.Pattern.compile(
                                    "href=\"([^\"]*login-actions/[^\"]+)\"")
                            .matcher(html);
                    if (!proceed.find()) {
                        throw new IllegalStateException("no way on in Keycloak's page: " + html);
                    }
                    page = keepCookies(
                            cookies,
                            browser.send(
                                    withCookies(
                                                    HttpRequest.newBuilder(URI.create(
                                                            proceed.group(1).replace("&amp;", "&"))),
                                                    cookies)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()));
                } else {
                    if (!totpSecrets.containsKey(username) || html.contains("kc-feedback-text\" class=\"error")) {
                        throw new IllegalStateException("account setup of " + username + " stopped at: "
                                + html.substring(0, Math.min(2000, html.length())));
                    }
                    return;
                }
            }
            throw new IllegalStateException("account setup of " + username + " did not end");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String inputValue(String html, String name) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile(
                        "<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(html);
        if (!input.find()) {
            throw new IllegalStateException("no input " + name + " in Keycloak's page");
        }
        return input.group(1);
    }

    /** RFC 7662 introspection at the broker-sim realm, as its client {@code partner-workspace}. */
    public boolean brokerSimTokenActive(String accessToken) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            url + "/realms/broker-sim/protocol/openid-connect/token/introspect"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of(
                                            "token", accessToken,
                                            "client_id", "partner-workspace",
                                            "client_secret", "broker-sim-secret"))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("active").asBoolean(false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials token, as a bot gets one with its own client id and secret. */
    public String clientCredentialsToken(String clientId, String secret) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return tokenRequest(clientId, form).value();
    }

    public boolean clientCredentialsWorks(String clientId, String secret) {
        try {
            clientCredentialsToken(clientId, secret);
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    private static HttpResponse<String> postForm(
            HttpClient browser, Map<String, String> cookies, String action, Map<String, String> form)
            throws IOException, InterruptedException {
        return keepCookies(
                cookies,
                browser.send(
                        withCookies(HttpRequest.newBuilder(URI.create(action)), cookies)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder withCookies(HttpRequest.Builder request, Map<String, String> cookies) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static HttpResponse<String> keepCookies(Map<String, String> cookies, HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            if (pair.length == 2) {
                cookies.put(pair[0].trim(), pair[1].trim());
            }
        }
        return response;
    }

    private static String formAction(String html) {
        java.util.regex.Matcher action =
                java.util.regex.Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
        if (!action.find()) {
            throw new IllegalStateException(
                    "no login form in Keycloak's page: " + html.substring(0, Math.min(300, html.length())));
        }
        return action.group(1).replace("&amp;", "&");
    }

    private static String queryParam(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    private synchronized CachedToken directGrant(String username) {
        long step = nextUnusedTimeStep(username);
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "workspace-cli");
        form.put("username", username);
        form.put("password", DEMO_PASSWORD);
        form.put("scope", "openid");
        form.put("totp", Totp.code(totpSecret(username), step));
        try {
            return tokenRequest(username, form);
        } catch (IllegalStateException refused) {
            // The code of this time step may have been used outside this JVM (a browser step-up, the
            // previous test run): Keycloak accepts each code once. The next step's code is new.
            if (!refused.getMessage().contains("invalid_grant")) {
                throw refused;
            }
            form.put("totp", Totp.code(totpSecret(username), nextUnusedTimeStep(username)));
            return tokenRequest(username, form);
        }
    }

    /**
     * A TOTP code for a browser login of {@code username} (a step-up in a journey), of a time step no
     * other login of this run has used or will use: Keycloak accepts each code once.
     */
    public String unusedTotpCode(String username) {
        return Totp.code(totpSecret(username), nextUnusedTimeStep(username));
    }

    private CachedToken tokenRequest(String username, Map<String, String> form) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token for " + username + ": HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new CachedToken(
                    body.get("access_token").asText(),
                    body.path("refresh_token").asText(null),
                    Instant.now().plusSeconds(body.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak refuses a TOTP code it has seen; wait for the next 30 s window when needed. */
    private synchronized long nextUnusedTimeStep(String username) {
        long step = Totp.timeStep(Instant.now());
        Long last = lastTimeStep.get(username);
        while (last != null && step <= last) {
            sleep(250);
            step = Totp.timeStep(Instant.now());
        }
        lastTimeStep.put(username, step);
        return step;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> readTotpSecrets(Path realmFile) {
        try {
            Map<String, String> secrets = new HashMap<>();
            for (JsonNode user : JSON.readTree(realmFile.toFile()).path("users")) {
                JsonNode secret = user.path("attributes").path("demoTotpSecret").path(0);
                if (!secret.isMissingNode()) {
                    secrets.put(user.get("username").asText(), secret.asText());
                }
            }
            return Map.copyOf(secrets);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + realmFile, e);
        }
    }

    private record CachedToken(String value, String refreshToken, Instant expiresAt) {}
}
