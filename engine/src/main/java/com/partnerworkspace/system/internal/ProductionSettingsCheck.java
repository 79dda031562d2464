package com.partnerworkspace.system.internal;

import com.partnerworkspace.keycloak.Loopback;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Demo defaults belong to the local stack and tests (profile {@value #LOCAL_PROFILE}). Anywhere else the
 * engine refuses to start, before anything else happens, while a real secret is missing, is still the
 * demo value, or Keycloak would be reached over plain HTTP on another machine.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String LOCAL_PROFILE = "local";
    static final String DEMO_ENGINE_CLIENT_SECRET = "workspace-engine-secret";

    static final String KEYCLOAK_URL = "workspace.keycloak.url";
    static final String ENGINE_CLIENT_SECRET = "workspace.keycloak.engine-client-secret";
    static final String VAULT_ROLE_ID = "workspace.vault.role-id";
    static final String VAULT_SECRET_ID = "workspace.vault.secret-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        List<String> problems = problemsIn(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeSettingsException(problems);
        }
    }

    static List<String> problemsIn(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        String secret = environment.getProperty(ENGINE_CLIENT_SECRET, "");
        if (secret.isBlank()) {
            problems.add(ENGINE_CLIENT_SECRET + " is missing");
        } else if (DEMO_ENGINE_CLIENT_SECRET.equals(secret)) {
            problems.add(ENGINE_CLIENT_SECRET + " is the local demo value");
        }
        for (String required : List.of(VAULT_ROLE_ID, VAULT_SECRET_ID)) {
            if (environment.getProperty(required, "").isBlank()) {
                problems.add(required + " is missing");
            }
        }
        String keycloakUrl = environment.getProperty(KEYCLOAK_URL, "");
        if (!keycloakUrl.startsWith("https://") && !Loopback.isLoopbackUrl(keycloakUrl)) {
            problems.add(
                    KEYCLOAK_URL + " must use https unless Keycloak runs on this machine (is " + keycloakUrl + ")");
        }
        return problems;
    }

    @Override
    public int getOrder() {
        // After the configuration files and profiles have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why the engine did not start; {@link UnsafeSettingsFailureAnalyzer} says what to do. */
    public static class UnsafeSettingsException extends IllegalStateException {

        private final List<String> problems;

        UnsafeSettingsException(List<String> problems) {
            super("Refusing to start without real settings: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
