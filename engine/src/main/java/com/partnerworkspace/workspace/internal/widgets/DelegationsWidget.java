package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.delegations.DelegationOverview;
import com.partnerworkspace.security.PartnerAccess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The partner's live grants, those ending soon and the requests waiting (the partner's own and ops only). */
@Component
class DelegationsWidget implements Widget {

    static final Duration EXPIRING_WITHIN = Duration.ofDays(3);

    @Schema(description = "delegations: live grants, those ending within 3 days, requests waiting for someone")
    record DelegationsData(DelegationOverview.Overview overview) {}

    private final DelegationOverview delegations;
    private final PartnerAccess partnerAccess;

    DelegationsWidget(DelegationOverview delegations, PartnerAccess partnerAccess) {
        this.delegations = delegations;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String id() {
        return "delegations";
    }

    @Override
    public DelegationsData data(WidgetQuery query) {
        // Delegating is never delegated: only the partner's own users and ops see the partner's delegations.
        partnerAccess.requireMayActFor(query.user(), query.partner(), null);
        return new DelegationsData(delegations.of(query.partner(), query.now(), EXPIRING_WITHIN));
    }
}
