package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing a partner's alert preferences (the partner, ops, or a delegate with alerts:manage). */
@Service
class AlertPreferencesService {

    private final AlertPreferencesStore store;
    private final AlertMutes mutes;
    private final AlertDeliveries deliveries;
    private final AlertPreferencesValidator validator;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;

    AlertPreferencesService(
            AlertPreferencesStore store,
            AlertMutes mutes,
            AlertDeliveries deliveries,
            AlertPreferencesValidator validator,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events) {
        this.store = store;
        this.mutes = mutes;
        this.deliveries = deliveries;
        this.validator = validator;
        this.partnerAccess = partnerAccess;
        this.events = events;
    }

    AlertPreferencesStore.Stored get(WorkspaceUser user, String partner) {
        return withMutes(partnerFor(user, partner));
    }

    @Transactional
    AlertPreferencesStore.Stored put(WorkspaceUser user, String partner, AlertPreferences preferences) {
        String whose = partnerFor(user, partner);
        if (preferences == null) {
            throw AlertRefusedException.invalid("body", "is required");
        }
        validator.validate(preferences);
        store.save(whose, preferences.withoutMutes(), user.username());
        mutes.replace(whose, preferences.mutes(), user.username());
        events.publishEvent(new AuditEvent(
                user.username(),
                whose,
                "alert.preferences-changed",
                "alert-preferences/" + whose,
                Map.of("silences", preferences.mutes().size())));
        return withMutes(whose);
    }

    /** Back to the defaults (and to following their changes). */
    @Transactional
    AlertPreferencesStore.Stored reset(WorkspaceUser user, String partner) {
        String whose = partnerFor(user, partner);
        store.reset(whose);
        events.publishEvent(new AuditEvent(
                user.username(), whose, "alert.preferences-reset", "alert-preferences/" + whose, Map.of()));
        return withMutes(whose);
    }

    /** Sends a test message on each channel to the partner's audience and reports each outcome; audited. */
    List<AlertDeliveries.Delivery> test(WorkspaceUser user, String partner, List<String> channels) {
        String whose = partnerFor(user, partner);
        List<String> wanted = channels == null || channels.isEmpty() ? AlertDeliveries.CHANNELS : channels;
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i) == null || !AlertDeliveries.CHANNELS.contains(wanted.get(i))) {
                throw AlertRefusedException.invalid("channels[" + i + "]", "must be email, slack or sms");
            }
        }
        List<AlertDeliveries.Delivery> results =
                deliveries.test(whose, wanted.stream().distinct().toList(), user.username());
        events.publishEvent(new AuditEvent(
                user.username(),
                whose,
                "alert.channels-tested",
                "alert-preferences/" + whose,
                Map.of(
                        "outcomes",
                        results.stream()
                                .map(r -> r.channel() + ":" + r.outcome())
                                .toList())));
        return results;
    }

    /** Silences live apart from the saved preferences (each runs its own process); they belong in the view. */
    private AlertPreferencesStore.Stored withMutes(String partner) {
        AlertPreferencesStore.Stored stored = store.of(partner);
        return new AlertPreferencesStore.Stored(
                stored.preferences().withMutes(mutes.current(partner)), stored.customised());
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
