package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.OpenAlerts;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

@Component
class OpenAlertsQuery implements OpenAlerts {

    private final AlertRepository repository;
    private final AlertPreferencesStore preferences;
    private final PartnerAccess partnerAccess;

    OpenAlertsQuery(AlertRepository repository, AlertPreferencesStore preferences, PartnerAccess partnerAccess) {
        this.repository = repository;
        this.preferences = preferences;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public List<Summary> of(WorkspaceUser user, String partner, Instant since) {
        partnerAccess.requireMayActFor(user, partner, AlertService.ALERTS_SCOPE);
        return summaries(repository.unresolvedSince(partner, since));
    }

    @Override
    public List<Summary> ofAllPartners(WorkspaceUser user, Instant since) {
        if (!user.hasRole("ops")) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "alerts-of-all-partners", "Only operations see every partner's alerts.");
        }
        return summaries(repository.unresolvedOfAllSince(since));
    }

    private static List<Summary> summaries(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> new Summary(
                        a.id(),
                        a.type(),
                        a.resource(),
                        a.severity().name(),
                        a.summary(),
                        a.state().name(),
                        a.count(),
                        a.raisedAt(),
                        a.lastSeenAt()))
                .toList();
    }

    @Override
    public boolean choseChannels(String partner) {
        return preferences.of(partner).customised();
    }
}
