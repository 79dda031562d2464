package com.partnerworkspace.testsupport;

import com.partnerworkspace.security.DelegatedScopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The live delegations of a {@link WebSlice}: none until a test gives one ({@link #give}), all gone after
 * each test. Stands in for the delegations feature behind {@code PartnerAccess}.
 */
public class SliceGrants implements DelegatedScopes {

    private record Grant(String holder, HeldScope scope) {}

    private final List<Grant> grants = new CopyOnWriteArrayList<>();

    /** {@code username} holds {@code scope} for the whole of {@code partner} for the next hour. */
    public void give(String username, String partner, String scope) {
        give(username, partner, scope, null);
    }

    /** As {@link #give(String, String, String)}, limited to the partner's connection {@code connection}. */
    public void give(String username, String partner, String scope, String connection) {
        grants.add(new Grant(
                username, new HeldScope(partner, scope, Instant.now().plus(Duration.ofHours(1)), connection)));
    }

    public void clear() {
        grants.clear();
    }

    @Override
    public boolean holds(String username, String partner, String scope) {
        return grants.stream()
                .anyMatch(grant -> grant.holder().equals(username)
                        && covers(grant.scope(), partner, scope)
                        && grant.scope().connection() == null);
    }

    @Override
    public boolean holds(String username, String partner, String scope, String connectionId) {
        return grants.stream()
                .anyMatch(grant -> grant.holder().equals(username)
                        && covers(grant.scope(), partner, scope)
                        && (grant.scope().connection() == null
                                || grant.scope().connection().equals(connectionId)));
    }

    @Override
    public List<HeldScope> heldBy(String username) {
        return grants.stream()
                .filter(grant -> grant.holder().equals(username))
                .map(Grant::scope)
                .toList();
    }

    @Override
    public List<String> holdersOf(String partner, String scope) {
        return grants.stream()
                .filter(grant ->
                        covers(grant.scope(), partner, scope) && grant.scope().connection() == null)
                .map(Grant::holder)
                .toList();
    }

    private static boolean covers(HeldScope held, String partner, String scope) {
        return held.partner().equals(partner) && held.scope().equals(scope);
    }

    /** Slices share cached contexts: no grant outlives the test that gave it. */
    static class ClearAfterEach implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context)
                    .getBean(SliceGrants.class)
                    .clear();
        }
    }
}
