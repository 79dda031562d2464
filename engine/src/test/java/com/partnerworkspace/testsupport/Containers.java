package com.partnerworkspace.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The same servers as Testcontainers, for machines with a Docker engine and no local install.
 * Fixed host ports keep token issuers and redirect URIs identical to the local stack's.
 * Not exercised on the project's own machines (no Docker engine there).
 */
final class Containers {

    private Containers() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String keycloak(Path realmFolder, int port) {
        GenericContainer<?> keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4.7")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCommand("start-dev", "--import-realm", "--http-port=" + port)
                .withCopyFileToContainer(MountableFile.forHostPath(realmFolder), "/opt/keycloak/data/import")
                .waitingFor(Wait.forHttp("/realms/partner-workspace")
                        .forPort(port)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        keycloak.setPortBindings(List.of(port + ":" + port));
        keycloak.start();
        return "http://localhost:" + port;
    }

    static OpenBaoServer openBao(Path vaultFolder, int port) {
        GenericContainer<?> openBao = new GenericContainer<>("quay.io/openbao/openbao:2.4.3")
                .withCommand("server", "-dev", "-dev-root-token-id=root", "-dev-listen-address=0.0.0.0:8200")
                .withCopyFileToContainer(MountableFile.forHostPath(vaultFolder), "/workspace-vault")
                .waitingFor(Wait.forHttp("/v1/sys/health").forPort(8200));
        openBao.setPortBindings(List.of(port + ":8200"));
        openBao.start();
        try {
            var result = openBao.execInContainer(
                    "sh",
                    "-c",
                    "BAO_ADDR=http://127.0.0.1:8200 BAO_TOKEN=root sh /workspace-vault/provision.sh /tmp/approle"
                            + " && cat /tmp/approle");
            var login = new java.util.Properties();
            login.load(new java.io.StringReader(result.getStdout()));
            return new OpenBaoServer(
                    "http://127.0.0.1:" + port,
                    login.getProperty("workspace.vault.role-id"),
                    login.getProperty("workspace.vault.secret-id"));
        } catch (Exception e) {
            throw new IllegalStateException("provisioning OpenBao in its container failed", e);
        }
    }

    static PostgresServer postgres() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15")
                .withDatabaseName("workspace")
                .withUsername("workspace")
                .withPassword("workspace");
        postgres.start();
        return new PostgresServer(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }
}
