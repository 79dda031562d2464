package com.partnerworkspace.credentials.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that binds a broker login to the browser that started it. The UI starts the login with an
 * API call (same origin), whose answer sets it; the browser sends it back only on the broker's redirect
 * to the callback: scoped to that path, HttpOnly, SameSite=Lax (a top-level navigation from the broker's
 * site still carries it), Secure when the workspace is served over https. One cookie per connection, so
 * two logins started in one browser do not overwrite each other.
 */
@Component
class BrowserBindingCookie {

    static final String CALLBACK_PATH = "/api/brokers/callback";
    private static final String PREFIX = "broker_login_";

    private final boolean httpsOnly;
    private final Duration lifetime;

    BrowserBindingCookie(
            @Value("${workspace.public-url}") String publicUrl,
            @Value("${workspace.credentials.login-timeout:PT30M}") Duration lifetime) {
        this.httpsOnly = publicUrl.startsWith("https:");
        this.lifetime = lifetime;
    }

    /** The Set-Cookie value that hands the binding to the browser starting the login. */
    String set(String connectionId, String browserBinding, HttpServletRequest request) {
        return cookie(connectionId, browserBinding, lifetime, request);
    }

    /** The Set-Cookie value that removes it once the login is completed. */
    String clear(String connectionId, HttpServletRequest request) {
        return cookie(connectionId, "", Duration.ZERO, request);
    }

    /** The binding the browser sent for the connection, if any. */
    Optional<String> sent(HttpServletRequest request, String connectionId) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> cookie.getName().equals(PREFIX + connectionId))
                .map(Cookie::getValue)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private String cookie(String connectionId, String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(PREFIX + connectionId, value)
                .path(CALLBACK_PATH)
                .httpOnly(true)
                .secure(httpsOnly || request.isSecure())
                .sameSite("Lax")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
