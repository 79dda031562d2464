package com.partnerworkspace.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.PartnerWorkspaceApplication;
import com.partnerworkspace.system.internal.ProductionSettingsCheck.UnsafeSettingsException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Demo defaults only in the local profile: elsewhere the engine refuses to start and says why. */
class ProductionSettingsCheckTest {

    @Test
    void theEngineRefusesToStartWithoutRealSecretsOutsideTheLocalProfile() {
        var application = new SpringApplicationBuilder(PartnerWorkspaceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("workspace.state-dir=target/no-such-state");

        assertThatThrownBy(() -> application.run("--workspace.keycloak.url=http://keycloak.example.com"))
                .isInstanceOf(UnsafeSettingsException.class)
                .satisfies(e -> assertThat(((UnsafeSettingsException) e).problems())
                        .containsExactly(
                                "workspace.keycloak.engine-client-secret is missing",
                                "workspace.vault.role-id is missing",
                                "workspace.vault.secret-id is missing",
                                "workspace.keycloak.url must use https unless Keycloak runs on this machine (is"
                                        + " http://keycloak.example.com)"));
    }

    @Test
    void theDemoSecretIsRefusedOutsideTheLocalProfile() {
        var environment =
                production().withProperty(ProductionSettingsCheck.ENGINE_CLIENT_SECRET, "workspace-engine-secret");

        assertThat(ProductionSettingsCheck.problemsIn(environment))
                .containsExactly("workspace.keycloak.engine-client-secret is the local demo value");
    }

    @Test
    void realSettingsPass() {
        var environment = production();

        new ProductionSettingsCheck().postProcessEnvironment(environment, null);
        assertThat(ProductionSettingsCheck.problemsIn(environment)).isEmpty();
    }

    @Test
    void plainHttpIsAcceptedForAKeycloakOnThisMachine() {
        var environment = production().withProperty(ProductionSettingsCheck.KEYCLOAK_URL, "http://127.0.0.1:8180");

        assertThat(ProductionSettingsCheck.problemsIn(environment)).isEmpty();
    }

    @Test
    void theLocalProfileKeepsItsDemoDefaults() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("local");

        new ProductionSettingsCheck().postProcessEnvironment(environment, null);
        assertThat(ProductionSettingsCheck.problemsIn(environment)).isNotEmpty();
    }

    @Test
    void theRefusalSaysWhatToDo() {
        var analysis = new UnsafeSettingsFailureAnalyzer()
                .analyze(null, new UnsafeSettingsException(List.of("workspace.vault.role-id is missing")));

        assertThat(analysis.getDescription()).contains("workspace.vault.role-id is missing");
        assertThat(analysis.getAction()).contains("WORKSPACE_VAULT_ROLE_ID", "--spring.profiles.active=local");
    }

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty(ProductionSettingsCheck.KEYCLOAK_URL, "https://login.example.com")
                .withProperty(ProductionSettingsCheck.ENGINE_CLIENT_SECRET, "s3cr3t-from-the-vault")
                .withProperty(ProductionSettingsCheck.VAULT_ROLE_ID, "role")
                .withProperty(ProductionSettingsCheck.VAULT_SECRET_ID, "secret");
    }
}
