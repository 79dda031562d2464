package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.PartnerAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Who hears about a partner's alert at a level. */
@Component
class Recipients {

    /** Who a level reaches on each channel; an empty Slack URL means the workspace's webhook. */
    record Audience(List<String> emails, String slackUrl, List<String> phones) {}

    private final AlertPreferencesStore preferences;
    private final KeycloakDirectory directory;
    private final PartnerAccess partnerAccess;

    Recipients(AlertPreferencesStore preferences, KeycloakDirectory directory, PartnerAccess partnerAccess) {
        this.preferences = preferences;
        this.directory = directory;
        this.partnerAccess = partnerAccess;
    }

    /**
     * The contacts the partner chose if they set some, else the partner's own users, and the delegates
     * holding a live alerts:manage grant (a teammate without one hears nothing); from level 2 on also the
     * backup contact and operations.
     */
    Audience of(String partner, int level) {
        AlertPreferences.Channels own = preferences.of(partner).preferences().channels();
        List<String> emails = new ArrayList<>(own.emails());
        List<String> phones = new ArrayList<>(own.phones());
        if (emails.isEmpty()) {
            directory.ownUsersOf(partner).stream().map(Person::email).forEach(emails::add);
        }
        delegatesHolding(partner).forEach(emails::add);
        if (level >= 2) {
            String backup = own.backupContact();
            (backup.startsWith("+") ? phones : emails).add(backup);
            directory.withRole("ops").stream().map(Person::email).forEach(emails::add);
        }
        return new Audience(clean(emails), own.slackWebhookUrl(), clean(phones));
    }

    private Stream<String> delegatesHolding(String partner) {
        return partnerAccess.delegatesHolding(partner, AlertService.ALERTS_SCOPE).stream()
                .map(directory::find)
                .flatMap(Optional::stream)
                .map(Person::email);
    }

    private static List<String> clean(List<String> values) {
        return values.stream()
                .filter(Objects::nonNull)
                .filter(value -> !value.isBlank())
                .distinct()
                .toList();
    }
}
