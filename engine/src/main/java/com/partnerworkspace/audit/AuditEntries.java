package com.partnerworkspace.audit;

import java.time.Instant;
import java.util.List;

/** Recent entries of the trail for other features to show; the caller decides who may see the partner's. */
public interface AuditEntries {

    /** The partner's entries since {@code since}, newest first, at most {@code limit}. */
    List<Entry> recent(String partner, Instant since, int limit);

    /** What {@code actor} did since {@code since}, newest first, at most {@code limit}. */
    List<Entry> recentBy(String actor, Instant since, int limit);

    record Entry(long id, Instant at, String actor, String action, String target) {}
}
