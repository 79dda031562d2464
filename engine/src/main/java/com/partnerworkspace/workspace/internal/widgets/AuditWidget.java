package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.audit.AuditEntries;
import com.partnerworkspace.security.PartnerAccess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.stereotype.Component;

/** The partner's latest audit entries (the partner's own users and ops, as the audit API). */
@Component
class AuditWidget implements Widget {

    static final int ENTRIES = 20;

    @Schema(description = "audit: the partner's latest entries in the window, newest first (at most 20)")
    record AuditData(List<AuditEntries.Entry> entries) {}

    private final AuditEntries audit;
    private final PartnerAccess partnerAccess;

    AuditWidget(AuditEntries audit, PartnerAccess partnerAccess) {
        this.audit = audit;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String id() {
        return "audit";
    }

    /** Without a partner, as the audit API: ops read the whole trail, anyone else what they did themselves. */
    @Override
    public boolean spansPartners() {
        return true;
    }

    @Override
    public AuditData data(WidgetQuery query) {
        if (query.partner() == null) {
            return new AuditData(
                    query.user().hasRole("ops")
                            ? audit.recent(null, query.since(), ENTRIES)
                            : audit.recentBy(query.user().username(), query.since(), ENTRIES));
        }
        partnerAccess.requireMayActFor(query.user(), query.partner(), null);
        return new AuditData(audit.recent(query.partner(), query.since(), ENTRIES));
    }
}
