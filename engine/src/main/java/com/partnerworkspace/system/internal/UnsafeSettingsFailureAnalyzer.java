package com.partnerworkspace.system.internal;

import com.partnerworkspace.system.internal.ProductionSettingsCheck.UnsafeSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into the plain "what is wrong / what to do" block Spring Boot prints. */
public class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingsException cause) {
        return new FailureAnalysis(
                "The engine runs outside the local profile and these settings are not fit for it:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Set each of them (e.g. WORKSPACE_KEYCLOAK_ENGINE_CLIENT_SECRET, WORKSPACE_VAULT_ROLE_ID,"
                        + " WORKSPACE_VAULT_SECRET_ID, WORKSPACE_KEYCLOAK_URL=https://...), or run the local stack"
                        + " with --spring.profiles.active=" + ProductionSettingsCheck.LOCAL_PROFILE
                        + " (./workspace up does).",
                cause);
    }
}
