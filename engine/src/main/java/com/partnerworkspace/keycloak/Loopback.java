package com.partnerworkspace.keycloak;

import java.net.URI;
import java.util.Set;

/** Recognises URLs that point at this machine, where plain HTTP is acceptable for local use. */
public final class Loopback {

    private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private Loopback() {}

    public static boolean isLoopbackUrl(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && (NAMES.contains(host) || host.startsWith("127."));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
