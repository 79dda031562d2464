package com.partnerworkspace.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * One person's logins as the realm recorded them (events are kept 7 days, {@code eventsExpiration}), whether
 * they set up their one-time-password device and when their current session ends; read with the engine's
 * view-users, view-events and view-realm.
 */
@Component
public class KeycloakLogins {

    private static final int PAGE = 1000;
    private static final String OTP = "otp";

    private final RealmResource realm;
    private final UsersResource users;
    private final ShortLivedCache<String, SessionLimits> sessionLimits = new ShortLivedCache<>(Duration.ofMinutes(5));

    KeycloakLogins(RealmResource realm, UsersResource users) {
        this.realm = realm;
        this.users = users;
    }

    /**
     * @param lastLoginAt the last successful login the realm still remembers, null if none
     * @param failedLogins failed logins (wrong password or code) between the two instants
     * @param sessionExpiresAt when the session of the caller's token ends, null if unknown
     */
    public record LoginHealth(
            boolean known,
            Instant lastLoginAt,
            int failedLogins,
            Instant lastFailureAt,
            boolean otpSetUp,
            Instant sessionExpiresAt) {}

    /**
     * @param sessionId the Keycloak session of the caller's token ({@code sid}), or null; its expiry is the
     *     earlier of its start plus the realm's maximum session time and its last use plus the idle timeout
     */
    public LoginHealth of(String username, String sessionId, Instant from, Instant to) {
        Optional<UserRepresentation> user =
                users.searchByUsername(username, true).stream().findFirst();
        if (user.isEmpty()) {
            return new LoginHealth(false, null, 0, null, false, null);
        }
        String id = user.get().getId();
        Instant lastLogin = newest(events(List.of("LOGIN"), id, null, to, 1));
        List<EventRepresentation> failures = events(List.of("LOGIN_ERROR"), id, from, to, PAGE);
        return new LoginHealth(
                true, lastLogin, failures.size(), newest(failures), otpSetUpById(id), sessionExpiry(id, sessionId));
    }

    private Instant sessionExpiry(String userId, String sessionId) {
        if (sessionId == null) {
            return null;
        }
        SessionLimits limits = sessionLimits.get("realm", key -> {
            RealmRepresentation settings = realm.toRepresentation();
            return new SessionLimits(settings.getSsoSessionMaxLifespan(), settings.getSsoSessionIdleTimeout());
        });
        return users.get(userId).getUserSessions().stream()
                .filter(session -> sessionId.equals(session.getId()))
                .findFirst()
                .map(session -> limits.expiryOf(session.getStart(), session.getLastAccess()))
                .orElse(null);
    }

    /** The realm's session timeouts in seconds (null or 0: none). */
    private record SessionLimits(Integer maxLifespan, Integer idleTimeout) {

        Instant expiryOf(long startMillis, long lastAccessMillis) {
            Instant byMax = maxLifespan == null || maxLifespan <= 0
                    ? null
                    : Instant.ofEpochMilli(startMillis).plusSeconds(maxLifespan);
            Instant byIdle = idleTimeout == null || idleTimeout <= 0
                    ? null
                    : Instant.ofEpochMilli(lastAccessMillis).plusSeconds(idleTimeout);
            if (byMax == null || byIdle == null) {
                return byMax == null ? byIdle : byMax;
            }
            return byMax.isBefore(byIdle) ? byMax : byIdle;
        }
    }

    /** Whether the person has a one-time-password credential (set up MFA). */
    public boolean otpSetUp(String username) {
        return users.searchByUsername(username, true).stream()
                .findFirst()
                .map(user -> otpSetUpById(user.getId()))
                .orElse(false);
    }

    /** Whether the admin API answers the engine's service account right now (for ops' health view). */
    public boolean adminApiAnswers() {
        try {
            users.count();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean otpSetUpById(String id) {
        return users.get(id).credentials().stream().anyMatch(credential -> OTP.equals(credential.getType()));
    }

    private List<EventRepresentation> events(List<String> types, String userId, Instant from, Instant to, int max) {
        return realm.getEvents(
                types, null, userId, from == null ? 0L : from.toEpochMilli(), to.toEpochMilli(), null, 0, max, "desc");
    }

    private static Instant newest(List<EventRepresentation> events) {
        return events.isEmpty() ? null : Instant.ofEpochMilli(events.get(0).getTime());
    }
}
