package com.partnerworkspace.models.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The models whose release file differs from the browser version the engine kept at its last start, shown
 * on the Models page until someone pulls the browser version into {@code processes/} and releases it.
 */
@Component
class ReleaseDivergences {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    void found(String key) {
        keys.add(key);
    }

    void inSync(String key) {
        keys.remove(key);
    }

    boolean has(String key) {
        return keys.contains(key);
    }
}
