package com.partnerworkspace.system;

import java.util.Set;

/**
 * Which request paths belong to the Angular app's router: extension-less paths outside the engine's
 * own prefixes. They all get the app's {@code index.html}; everything else is a file, an API or nothing.
 */
public final class UiRoutes {

    private static final Set<String> ENGINE_PREFIXES =
            Set.of("api", "engine-rest", "camunda", "actuator", "v3", "oauth2", "login", "error");

    private UiRoutes() {}

    public static boolean isUiRoute(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return true;
        }
        String firstSegment = trimmed.split("/", 2)[0];
        String lastSegment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return !ENGINE_PREFIXES.contains(firstSegment) && !lastSegment.contains(".") && !trimmed.contains("..");
    }
}
