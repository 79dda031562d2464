package com.partnerworkspace.delegations.internal;

import java.util.Set;

/** Where a delegation stands; the names are the API's contract. */
enum DelegationState {
    AWAITING_MFA,
    AWAITING_APPROVAL,
    ACTIVE,
    EXPIRED,
    REVOKED,
    REJECTED,
    TIMED_OUT;

    static final Set<DelegationState> OPEN = Set.of(AWAITING_MFA, AWAITING_APPROVAL, ACTIVE);
}
