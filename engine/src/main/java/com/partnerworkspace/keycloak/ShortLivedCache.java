package com.partnerworkspace.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers admin-API answers that rarely change (who is an approver, a user's id, a group's id) for a
 * short time, so a burst of process steps does not ask Keycloak the same question again and again.
 */
final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, Instant until) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    ShortLivedCache(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    ShortLivedCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value();
        }
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        return value;
    }

    void forget(K key) {
        entries.remove(key);
    }
}
