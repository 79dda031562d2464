package com.partnerworkspace.audit.internal;

import com.partnerworkspace.audit.AuditEntries;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class AuditEntriesQuery implements AuditEntries {

    private final AuditTrail trail;

    AuditEntriesQuery(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public List<Entry> recent(String partner, Instant since, int limit) {
        return entries(new AuditQuery(partner, null, null, null, since, null, 0, limit));
    }

    @Override
    public List<Entry> recentBy(String actor, Instant since, int limit) {
        return entries(new AuditQuery(null, actor, null, null, since, null, 0, limit));
    }

    private List<Entry> entries(AuditQuery query) {
        return trail.page(query).stream()
                .map(e -> new Entry(e.id(), e.at(), e.actor(), e.action(), e.target()))
                .toList();
    }
}
