package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.keycloak.KeycloakLogins;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The caller's own logins (Keycloak's events) and whether their MFA device is set up. */
@Component
class LoginHealthWidget implements Widget {

    @Schema(description = "login-health: the caller's own logins, MFA, and when their Keycloak session ends")
    record LoginHealthData(
            Duration window,

            @Schema(nullable = true, description = "The last successful login Keycloak remembers (7 days)")
            Instant lastLoginAt,

            int failedLogins,
            @Schema(nullable = true) Instant lastFailureAt,
            boolean mfaSetUp,

            @Schema(
                    nullable = true,
                    description = "When the session of the caller's token ends (maximum session time or idle"
                            + " timeout, whichever comes first); null when the token names no live session")
            Instant sessionExpiresAt) {}

    private final KeycloakLogins logins;

    LoginHealthWidget(KeycloakLogins logins) {
        this.logins = logins;
    }

    @Override
    public String id() {
        return "login-health";
    }

    @Override
    public boolean partnerScoped() {
        return false;
    }

    @Override
    public LoginHealthData data(WidgetQuery query) {
        KeycloakLogins.LoginHealth health =
                logins.of(query.user().username(), query.sessionId(), query.since(), query.now());
        return new LoginHealthData(
                query.window(),
                health.lastLoginAt(),
                health.failedLogins(),
                health.lastFailureAt(),
                health.otpSetUp(),
                health.sessionExpiresAt());
    }
}
