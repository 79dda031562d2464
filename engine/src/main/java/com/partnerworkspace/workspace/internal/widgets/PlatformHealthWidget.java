package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.keycloak.KeycloakLogins;
import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

/**
 * For ops: the servers the engine depends on (the actuator's health of the database, Vault, SMTP and the
 * Keycloak admin API, asked directly; at most every 10 s), the job executor, open incidents and jobs out of retries.
 */
@Component
class PlatformHealthWidget implements Widget {

    /** The actuator's contributor names, and what ops call them. */
    static final List<String[]> COMPONENTS =
            List.of(new String[] {"db", "Database"}, new String[] {"vault", "Vault"}, new String[] {"mail", "SMTP"});

    @Schema(description = "platform-health (ops): each server's status, the job executor, incidents, failed jobs")
    record PlatformHealthData(
            List<ComponentHealth> components, boolean jobExecutorActive, long incidents, long failedJobs) {}

    @Schema(description = "status: UP, DOWN, OUT_OF_SERVICE or UNKNOWN (no health check for it)")
    record ComponentHealth(String id, String name, String status) {}

    private final ObjectProvider<HealthEndpoint> health;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngine engine;
    private final KeycloakLogins keycloak;

    PlatformHealthWidget(
            ObjectProvider<HealthEndpoint> health,
            RuntimeService runtime,
            ManagementService management,
            ProcessEngine engine,
            KeycloakLogins keycloak) {
        this.health = health;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
        this.keycloak = keycloak;
    }

    @Override
    public String id() {
        return "platform-health";
    }

    @Override
    public boolean visibleTo(WorkspaceUser user) {
        return user.hasRole("ops");
    }

    @Override
    public boolean partnerScoped() {
        return false;
    }

    /** The servers' health as last checked; asked again once older than {@link #CHECKED_FOR}. */
    private record Checked(List<ComponentHealth> components, Instant at) {}

    /** A health check opens connections (SMTP, Keycloak): a dashboard polling every 15 s need not repeat it. */
    static final Duration CHECKED_FOR = Duration.ofSeconds(10);

    private volatile Checked checked = new Checked(List.of(), Instant.MIN);

    @Override
    public PlatformHealthData data(WidgetQuery query) {
        Checked last = checked;
        if (last.at().plus(CHECKED_FOR).isBefore(query.now()) || last.at().isAfter(query.now())) {
            last = new Checked(checkServers(), query.now());
            checked = last;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean executorActive = configuration.getJobExecutor() != null
                && configuration.getJobExecutor().isActive();
        return new PlatformHealthData(
                last.components(),
                executorActive,
                runtime.createIncidentQuery().count(),
                management.createJobQuery().noRetriesLeft().count());
    }

    private List<ComponentHealth> checkServers() {
        List<ComponentHealth> components = new ArrayList<>();
        HealthEndpoint endpoint = health.getIfAvailable();
        for (String[] component : COMPONENTS) {
            HealthComponent result = endpoint == null ? null : endpoint.healthForPath(component[0]);
            components.add(new ComponentHealth(
                    component[0],
                    component[1],
                    result == null ? "UNKNOWN" : result.getStatus().getCode()));
        }
        components.add(new ComponentHealth("keycloak", "Keycloak", keycloak.adminApiAnswers() ? "UP" : "DOWN"));
        return List.copyOf(components);
    }
}
