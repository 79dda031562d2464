package com.partnerworkspace.delegations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.delegations.DelegationOverview;
import com.partnerworkspace.testsupport.RepositorySlice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** A partner's delegations at a glance, on the real schema: live grants, those ending soon, requests waiting. */
@RepositorySlice
@Import({DelegationRepository.class, DelegationOverviewQuery.class})
class DelegationOverviewQueryTest {

    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");

    @Autowired
    DelegationRepository repository;

    @Autowired
    DelegationOverview overview;

    @Test
    void liveGrantsThoseEndingSoonAndRequestsWaitingForSomeone() {
        String longGrant = granted("arjun", NOW.plus(Duration.ofDays(10)));
        String endingGrant = granted("meera", NOW.plus(Duration.ofHours(20)));
        granted("lapsed", NOW.minusSeconds(1)); // its expiry timer has not run yet: no longer live
        String waitingMfa = requested("dev", DelegationState.AWAITING_MFA);
        String waitingApproval = requested("ops-bot", DelegationState.AWAITING_APPROVAL);
        requested("refused", DelegationState.REJECTED);
        repository.insert(delegation("mukesh", "arjun", DelegationState.AWAITING_APPROVAL));

        DelegationOverview.Overview seen = overview.of("nikhil", NOW, Duration.ofDays(3));

        assertThat(seen.active())
                .extracting(DelegationOverview.Grant::id)
                .containsExactlyInAnyOrder(longGrant, endingGrant);
        assertThat(seen.expiringSoon()).extracting(DelegationOverview.Grant::id).containsExactly(endingGrant);
        assertThat(seen.waiting())
                .extracting(r -> r.id() + "=" + r.waitingFor())
                .containsExactlyInAnyOrder(waitingMfa + "=partner-mfa", waitingApproval + "=approvers");
    }

    private String granted(String delegate, Instant expiresAt) {
        Delegation delegation = delegation("nikhil", delegate, DelegationState.AWAITING_APPROVAL);
        repository.insert(delegation);
        repository.markGranted(delegation.id(), NOW.minus(Duration.ofDays(1)), expiresAt);
        return delegation.id();
    }

    private String requested(String delegate, DelegationState state) {
        Delegation delegation = delegation("nikhil", delegate, DelegationState.AWAITING_APPROVAL);
        repository.insert(delegation);
        repository.changeState(delegation.id(), Set.of(DelegationState.AWAITING_APPROVAL), state);
        return delegation.id();
    }

    private static Delegation delegation(String partner, String delegate, DelegationState state) {
        return new Delegation(
                UUID.randomUUID().toString(),
                partner,
                partner,
                delegate,
                null,
                null,
                List.of("orders:read"),
                null,
                Duration.ofHours(8),
                "Covering the desk",
                state,
                false,
                1,
                NOW.minus(Duration.ofDays(2)),
                null,
                null);
    }
}
