package com.partnerworkspace.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine as a separate operating-system process (the test's own classpath), for what a Spring
 * context inside the test JVM cannot show: a node killed with {@code kill -9} and started again.
 */
public final class EngineProcess implements AutoCloseable {

    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;
    private List<String> extraJvmOptions = List.of();

    /** The JVM options every engine is started with ({@code ./workspace up}, the Docker image, these tests). */
    public static final Path JVM_OPTIONS = RealServers.REPO.resolve("engine/jvm.options");

    public EngineProcess(int port, Map<String, String> properties, Path log) {
        this.port = port;
        this.properties = Map.copyOf(properties);
        this.log = log;
    }

    /**
     * What every engine process of a test needs: the local profile, its own state folder, the shared
     * PostgreSQL, Keycloak, OpenBao and SMTP server; callers add their own on top.
     */
    public static Map<String, String> properties(
            String stateName, KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.profiles.active", "local");
        properties.put(
                "workspace.state-dir",
                Path.of("target/test-state-" + stateName).toAbsolutePath().toString());
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("workspace.keycloak.url", keycloak.url());
        properties.put("workspace.vault.url", openBao.url());
        properties.put("workspace.vault.role-id", openBao.roleId());
        properties.put("workspace.vault.secret-id", openBao.secretId());
        properties.put("spring.mail.port", String.valueOf(MailServer.shared().port()));
        // The broker-sim realm knows the test engine's return address; links point there too.
        properties.put("workspace.public-url", EngineTest.BASE_URL);
        properties.put("workspace.notify.allowed-internal-targets", Receiver.target());
        return properties;
    }

    /** Options added after {@link #JVM_OPTIONS}, e.g. native memory tracking for a benchmark. */
    public EngineProcess withJvmOptions(List<String> options) {
        this.extraJvmOptions = List.copyOf(options);
        return this;
    }

    /** The operating-system process id, while it runs. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the engine and waits until its health endpoint answers UP. */
    public EngineProcess start(Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.partnerworkspace.PartnerWorkspaceApplication");
        command.add("--server.port=" + port);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the engine process", e);
        }
        awaitHealthy(timeout);
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no transaction gets to finish. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the engine process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the engine process did not become healthy in " + timeout + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
