package com.partnerworkspace.delegations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A partner's delegations at a glance, for other features to show; the caller decides who may see them. */
public interface DelegationOverview {

    /** Live grants, those of them ending within {@code expiringWithin}, and requests still waiting. */
    Overview of(String partner, Instant now, Duration expiringWithin);

    record Overview(List<Grant> active, List<Grant> expiringSoon, List<Request> waiting) {}

    /** @param connection the connection the grant is limited to, or null for all */
    record Grant(String id, String delegate, List<String> scopes, String connection, Instant expiresAt) {}

    /** @param waitingFor who must act next: {@code partner-mfa} or {@code approvers} */
    record Request(String id, String delegate, List<String> scopes, Instant requestedAt, String waitingFor) {}
}
