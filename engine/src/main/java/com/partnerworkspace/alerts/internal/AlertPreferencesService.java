package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Reading and changing a partner's alert preferences (the partner, ops, or a delegate with alerts:manage).
 * Every call names the partner the same way: the one asked for, else the user's own ({@link #partnerFor}).
 */
@Service
class AlertPreferencesService {

    /** The preferences of a partner, with its silences, as the API shows them. */
    record Shown(String partner, AlertPreferences preferences, boolean customised) {}

    private final AlertPreferencesStore store;
    private final AlertSilences silences;
    private final AlertDeliveries deliveries;
    private final Channels channels;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;

    AlertPreferencesService(
            AlertPreferencesStore store,
            AlertSilences silences,
            AlertDeliveries deliveries,
            Channels channels,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events) {
        this.store = store;
        this.silences = silences;
        this.deliveries = deliveries;
        this.channels = channels;
        this.partnerAccess = partnerAccess;
        this.events = events;
    }

    Shown get(WorkspaceUser user, String partner) {
        return shown(partnerFor(user, partner));
    }

    /**
     * Saves the preferences if the binding found nothing wrong (the annotations and {@link
     * AlertPreferencesRules}); who may act is checked first, so an outsider learns nothing from a 400.
     */
    @Transactional
    Shown put(WorkspaceUser user, String partner, AlertPreferences preferences, Errors errors) {
        String whose = partnerFor(user, partner);
        if (errors.hasFieldErrors()) {
            throw Refusal.invalid(byField(errors));
        }
        store.save(whose, preferences.withoutSilences(), user.username());
        silences.replace(whose, preferences.mutes(), user.username());
        events.publishEvent(new AuditEvent(
                user.username(),
                whose,
                "alert.preferences-changed",
                "alert-preferences/" + whose,
                Map.of("silences", preferences.mutes().size())));
        return shown(whose);
    }

    /** Back to the defaults (and to following their changes). */
    @Transactional
    Shown reset(WorkspaceUser user, String partner) {
        String whose = partnerFor(user, partner);
        store.reset(whose);
        events.publishEvent(new AuditEvent(
                user.username(), whose, "alert.preferences-reset", "alert-preferences/" + whose, Map.of()));
        return shown(whose);
    }

    /** Sends a test message on each channel to the partner's audience and reports each outcome; audited. */
    List<DeliveryLog.Delivery> test(WorkspaceUser user, String partner, List<String> wanted) {
        String whose = partnerFor(user, partner);
        List<String> names = wanted == null || wanted.isEmpty() ? channels.names() : wanted;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || channels.named(names.get(i)).isEmpty()) {
                throw Refusal.invalid("channels[" + i + "]", "must be email, slack or sms");
            }
        }
        List<DeliveryLog.Delivery> results =
                deliveries.test(whose, names.stream().distinct().toList(), user.username());
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
    private Shown shown(String partner) {
        AlertPreferencesStore.Stored stored = store.of(partner);
        return new Shown(partner, stored.preferences().withSilences(silences.current(partner)), stored.customised());
    }

    private static Map<String, String> byField(Errors errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors()
                .forEach(error -> messages.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
        return messages;
    }

    /** The named partner (default: the user's own), if the user may manage its alerts. */
    private String partnerFor(WorkspaceUser user, String partner) {
        if (partner != null && partner.length() > InputLimits.NAME) {
            throw Refusal.invalid("partner", "size must be between 0 and " + InputLimits.NAME);
        }
        String whose = partner == null || partner.isBlank() ? user.partner() : partner;
        if (whose == null) {
            throw Refusal.invalid("partner", "is required for users without a partner of their own");
        }
        if (!partnerAccess.mayActFor(user, whose, AlertService.ALERTS_SCOPE)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-your-partner", "You may not manage the alerts of " + whose + ".");
        }
        return whose;
    }
}
