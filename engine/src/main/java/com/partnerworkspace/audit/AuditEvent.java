package com.partnerworkspace.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something that happened and must be in the audit trail, published by the feature where it happened.
 *
 * @param actor the username who acted, or {@link #SYSTEM} for a process step
 * @param partner the partner it concerns, if any
 * @param action past tense, {@code <feature>.<what-happened>}, e.g. {@code delegation.approved}
 * @param target what it happened to, e.g. {@code delegation/<id>}
 * @param details facts worth keeping; never a secret
 */
public record AuditEvent(String actor, String partner, String action, String target, Map<String, Object> details) {

    public static final String SYSTEM = "system";

    public AuditEvent {
        details = details == null ? Map.of() : new TreeMap<>(details);
    }
}
