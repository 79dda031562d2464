package com.partnerworkspace.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Facts other modules measure from the audit trail: when something first happened, how often since. */
public interface AuditFacts {

    /** When each partner's first entry of {@code action} was written. */
    Map<String, Instant> firstByPartner(String action);

    /** When each entry of {@code action} was written since {@code from}, oldest first. */
    List<Instant> timesOf(String action, Instant from);
}
