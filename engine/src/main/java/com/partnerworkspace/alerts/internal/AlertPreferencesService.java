package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing a partner's alert preferences (the partner, ops, or a delegate with alerts:manage). */
@Service
class AlertPreferencesService {

    private final AlertPreferencesStore store;
    private final AlertPreferencesValidator validator;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;

    AlertPreferencesService(
            AlertPreferencesStore store,
            AlertPreferencesValidator validator,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events) {
        this.store = store;
        this.validator = validator;
        this.partnerAccess = partnerAccess;
        this.events = events;
    }

    AlertPreferencesStore.Stored get(WorkspaceUser user, String partner) {
        return store.of(partnerFor(user, partner));
    }

    @Transactional
    AlertPreferencesStore.Stored put(WorkspaceUser user, String partner, AlertPreferences preferences) {
        String whose = partnerFor(user, partner);
        if (preferences == null) {
            throw AlertRefusedException.invalid("body", "is required");
        }
        validator.validate(preferences);
        store.save(whose, preferences, user.username());
        events.publishEvent(new AuditEvent(
                user.username(), whose, "alert.preferences-changed", "alert-preferences/" + whose, Map.of()));
        return store.of(whose);
    }

    /** Back to the defaults (and to following their changes). */
    @Transactional
    AlertPreferencesStore.Stored reset(WorkspaceUser user, String partner) {
        String whose = partnerFor(user, partner);
        store.reset(whose);
        events.publishEvent(new AuditEvent(
                user.username(), whose, "alert.preferences-reset", "alert-preferences/" + whose, Map.of()));
        return store.of(whose);
    }

    /** The named partner (default: the user's own), if the user may manage its alerts. */
    private String partnerFor(WorkspaceUser user, String partner) {
        String whose = partner == null || partner.isBlank() ? user.partner() : partner;
        if (whose == null) {
            throw AlertRefusedException.invalid("partner", "is required for users without a partner of their own");
        }
        if (!partnerAccess.mayActFor(user, whose, AlertService.ALERTS_SCOPE)) {
            throw new AlertRefusedException(
                    HttpStatus.FORBIDDEN, "not-your-partner", "You may not manage the alerts of " + whose + ".");
        }
        return whose;
    }
}
