package com.partnerworkspace.keycloak;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.springframework.stereotype.Component;

/** The realm's login events, read through the admin API (the engine's service account has view-events). */
@Component
public class KeycloakEvents {

    private static final int PAGE = 1000;

    private final RealmResource realm;

    KeycloakEvents(RealmResource realm) {
        this.realm = realm;
    }

    /** A failed login: who tried (the username typed), when, and Keycloak's error code. */
    public record LoginFailure(String username, Instant at, String error) {}

    /** {@code LOGIN_ERROR} events between the two instants, newest first. */
    public List<LoginFailure> loginFailuresBetween(Instant from, Instant to) {
        return realm
                .getEvents(
                        List.of("LOGIN_ERROR"),
                        null,
                        null,
                        from.toEpochMilli(),
                        to.toEpochMilli(),
                        null,
                        0,
                        PAGE,
                        "desc")
                .stream()
                .map(KeycloakEvents::failure)
                .filter(failure -> failure.username() != null)
                .toList();
    }

    private static LoginFailure failure(EventRepresentation event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        return new LoginFailure(details.get("username"), Instant.ofEpochMilli(event.getTime()), event.getError());
    }
}
