package com.partnerworkspace.alerts;

import com.partnerworkspace.security.WorkspaceUser;
import java.time.Instant;
import java.util.List;

/** A partner's alerts that still need someone, for other features to show (e.g. a dashboard tile). */
public interface OpenAlerts {

    /**
     * The partner's open and acknowledged (not resolved) alerts raised since {@code since}, newest first.
     *
     * @throws com.partnerworkspace.security.PartnerAccessDeniedException unless the user may manage the
     *     partner's alerts ({@code alerts:manage})
     */
    List<Summary> of(WorkspaceUser user, String partner, Instant since);

    /**
     * Every partner's open and acknowledged alerts raised since {@code since}, newest first: for ops, who
     * watch the whole platform.
     *
     * @throws com.partnerworkspace.system.Refusal 403 unless the user is ops
     */
    List<Summary> ofAllPartners(WorkspaceUser user, Instant since);

    /** Whether the partner saved alert preferences of their own (chose channels) rather than the defaults. */
    boolean choseChannels(String partner);

    record Summary(
            String id,
            String type,
            String resource,
            String severity,
            String summary,
            String state,
            int count,
            Instant raisedAt,
            Instant lastSeenAt) {}
}
