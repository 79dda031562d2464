package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.internal.CredentialVault.Credential;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Credential versions this engine has just written, each handed once to the step that verifies it, so
 * that step need not read back from Vault what a check-and-set write has just stored. An entry lives at
 * most {@code ttl} and at most {@link #LIMIT} are kept: a verify step that runs later, or on another
 * engine, reads Vault as before.
 */
final class WrittenVersions {

    static final int LIMIT = 64;

    private record Key(SecretPath path, int version) {}

    private record Kept(Credential credential, long keptAt) {}

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    WrittenVersions(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    WrittenVersions(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    void keep(SecretPath path, Credential credential) {
        kept.values().removeIf(this::expired);
        if (kept.size() < LIMIT) {
            kept.put(new Key(path, credential.version()), new Kept(credential, nanoTime.getAsLong()));
        }
    }

    /** The version kept for {@code path}, once; empty if none was kept or it has expired. */
    Optional<Credential> take(SecretPath path, int version) {
        Kept taken = kept.remove(new Key(path, version));
        return taken == null || expired(taken) ? Optional.empty() : Optional.of(taken.credential());
    }

    private boolean expired(Kept entry) {
        return nanoTime.getAsLong() - entry.keptAt() > ttlNanos;
    }
}
