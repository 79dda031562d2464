package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's logged-in session with Vault: one AppRole login, renewed before it expires, and a
 * fresh login when renewal is no longer possible. Hands out driver clients carrying the current token.
 */
@Component
class VaultSession {

    private static final Logger log = LoggerFactory.getLogger(VaultSession.class);
    private static final int KV_VERSION = 2;
    private static final int PLAIN_VERSION = 1;

    private final VaultProperties properties;
    private final Clock clock;
    /**
     * One HTTP client for every call, keeping connections alive. Left alone, the driver builds a new
     * client per request (a new connection and thread pool each time): a KV read took 4.5-5 ms through
     * it against 0.6-0.7 ms over plain HTTP. HTTP/1.1, since Vault answers h2c upgrade attempts slowly.
     * The answer is finished on the client's selector thread ({@code executor(Runnable::run)}; Vault's
     * answers are small and read into memory, nothing there blocks) instead of being handed to a pool thread
     * first: one thread wake-up less per call, which on two cores took a read from 1.05x to 0.97-1.00x of
     * the plain HTTP read at p50 and from 0.85-0.96x to 0.65-0.80x at p95 ({@code CredentialsBenchmark}).
     */
    private final HttpClient http;

    private volatile String token;
    /** The driver clients for the current token; rebuilt when the token changes. */
    private volatile Clients clients;

    private volatile Instant expiresAt = Instant.MIN;
    private volatile boolean renewable;

    VaultSession(VaultProperties properties, Clock clock) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(properties.timeoutSeconds()))
                .build();
        this.clock = clock;
    }

    /** A client for the KV v2 mount (the driver inserts {@code /data/} and {@code /metadata/}). */
    Vault kv() {
        return clientsFor(currentToken()).kv();
    }

    /** A client for everything that is not KV v2 (sys, transit, auth). */
    Vault plain() {
        return clientsFor(currentToken()).plain();
    }

    private record Clients(String token, Vault kv, Vault plain) {}

    private Clients clientsFor(String currentToken) {
        Clients current = clients;
        if (current == null || !current.token().equals(currentToken)) {
            current = new Clients(currentToken, client(KV_VERSION, currentToken), client(PLAIN_VERSION, currentToken));
            clients = current;
        }
        return current;
    }

    /** Unauthenticated calls such as {@code sys/health}. */
    Vault anonymous() {
        return client(PLAIN_VERSION, null);
    }

    synchronized String currentToken() {
        if (token == null || !clock.instant().isBefore(expiresAt)) {
            login();
        }
        return token;
    }

    /** Keeps the token alive: renews it ahead of expiry. */
    @Scheduled(fixedDelayString = "${workspace.vault.renew-check-interval:PT30S}")
    synchronized void renewIfDue() {
        if (token == null || !properties.hasLogin()) {
            return;
        }
        if (clock.instant().plus(properties.renewBefore()).isBefore(expiresAt)) {
            return;
        }
        renew();
    }

    /** Renews the token, or logs in again when it can no longer be renewed (past its maximum TTL). */
    synchronized void renew() {
        try {
            if (renewable) {
                remember(client(PLAIN_VERSION, token).auth().renewSelf());
                log.debug("Vault token renewed until {}", expiresAt);
                return;
            }
        } catch (VaultException e) {
            log.info("Vault token renewal refused ({}); logging in again", e.getHttpStatusCode());
        }
        login();
    }

    Instant expiresAt() {
        return expiresAt;
    }

    private void login() {
        if (!properties.hasLogin()) {
            throw new VaultUnavailableException("login", new IllegalStateException("no AppRole login configured"));
        }
        try {
            remember(client(PLAIN_VERSION, null).auth().loginByAppRole(properties.roleId(), properties.secretId()));
            log.info("Logged in to Vault at {} with AppRole; token valid until {}", properties.url(), expiresAt);
        } catch (VaultException e) {
            throw new VaultUnavailableException("AppRole login", e);
        }
    }

    private void remember(AuthResponse response) {
        token = response.getAuthClientToken();
        renewable = response.isAuthRenewable();
        expiresAt = clock.instant().plusSeconds(response.getAuthLeaseDuration());
    }

    private Vault client(int engineVersion, String withToken) {
        try {
            VaultConfig config = new VaultConfig()
                    .address(properties.url())
                    .openTimeout(properties.timeoutSeconds())
                    .readTimeout(properties.timeoutSeconds())
                    .httpClient(http);
            if (withToken != null) {
                config.token(withToken);
            }
            return Vault.create(config.build(), engineVersion);
        } catch (VaultException e) {
            throw new VaultUnavailableException("configuration", e);
        }
    }
}
