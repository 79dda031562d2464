package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.alerts.OpenAlerts;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.delegations.DelegationOverview;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.KeycloakLogins;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.PartnerAccess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A new partner's checklist, ticked from real state: one of the partner's own users has an OTP device, a
 * broker connection is usable, the partner saved their own alert channels, and someone is on the team
 * (or holds or asked for a delegation).
 */
@Component
class OnboardingWidget implements Widget {

    @Schema(description = "onboarding: the checklist in order; complete when every step is done")
    record OnboardingData(List<Step> steps, boolean complete) {}

    @Schema(description = "id: mfa, broker, alert-channels or teammate; link: where the UI does it")
    record Step(String id, String title, boolean done, String link) {}

    private final PartnerAccess partnerAccess;
    private final KeycloakDirectory directory;
    private final KeycloakLogins logins;
    private final ConnectionStatus connections;
    private final OpenAlerts alerts;
    private final DelegationOverview delegations;

    OnboardingWidget(
            PartnerAccess partnerAccess,
            KeycloakDirectory directory,
            KeycloakLogins logins,
            ConnectionStatus connections,
            OpenAlerts alerts,
            DelegationOverview delegations) {
        this.partnerAccess = partnerAccess;
        this.directory = directory;
        this.logins = logins;
        this.connections = connections;
        this.alerts = alerts;
        this.delegations = delegations;
    }

    @Override
    public String id() {
        return "onboarding";
    }

    @Override
    public OnboardingData data(WidgetQuery query) {
        String partner = query.partner();
        partnerAccess.requireMayActFor(query.user(), partner, null);
        boolean mfa =
                directory.ownUsersOf(partner).stream().map(Person::username).anyMatch(logins::otpSetUp);
        boolean broker = connections.visibleTo(query.user(), partner).stream()
                .anyMatch(c -> c.state().equals("ACTIVE") || c.state().equals("EXPIRING"));
        DelegationOverview.Overview delegated = delegations.of(partner, query.now(), Duration.ZERO);
        boolean teammate = !directory.teamOf(partner).isEmpty()
                || !delegated.active().isEmpty()
                || !delegated.waiting().isEmpty();
        List<Step> steps = List.of(
                new Step("mfa", "Set up MFA", mfa, "/workspace"),
                new Step("broker", "Connect a broker", broker, "/credentials"),
                new Step("alert-channels", "Choose alert channels", alerts.choseChannels(partner), "/alerts"),
                new Step("teammate", "Invite a teammate", teammate, "/delegations"));
        return new OnboardingData(steps, steps.stream().allMatch(Step::done));
    }
}
