package com.partnerworkspace.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers of one test run, started at most once per JVM and shared by every test:
 * a running server is reused; otherwise a local process is started through the launcher
 * ({@code ./workspace service start ...}, in the test state folder) and stopped when the JVM ends;
 * where no local start is possible and a Docker engine exists, Testcontainers starts the same servers.
 */
public final class RealServers {

    private static final Logger log = LoggerFactory.getLogger(RealServers.class);

    static final Path REPO = RepoFiles.ROOT;
    static final Path WORKSPACE_HOME =
            Path.of(env("WORKSPACE_HOME", REPO.resolve(".workspace").toString()));
    static final Path TEST_STATE =
            Path.of(env("WORKSPACE_STATE", WORKSPACE_HOME.resolve("test").toString()));

    static final int KEYCLOAK_PORT = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
    static final int OPENBAO_PORT = Integer.parseInt(env("OPENBAO_PORT", "8200"));
    static final int POSTGRES_PORT = Integer.parseInt(env("POSTGRES_PORT", "5433"));

    private static KeycloakServer keycloak;
    private static OpenBaoServer openBao;
    private static PostgresServer postgres;
    private static boolean receiverUp;
    private static final List<String> startedHere = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RealServers::stopWhatWeStarted, "real-servers-stop"));
    }

    private RealServers() {}

    /** Where the launcher keeps the tools it installs ({@code ./workspace setup}): a cache shared by every clone. */
    public static Path tools() {
        String home = System.getProperty("user.home");
        Path cache = Path.of(env(
                "WORKSPACE_CACHE",
                Path.of(env("XDG_CACHE_HOME", home + "/.cache"), "partner-workspace")
                        .toString()));
        return cache.resolve("tools");
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            String url = "http://localhost:" + KEYCLOAK_PORT;
            if (!answers(url + "/realms/" + KeycloakServer.REALM)) {
                if (useLocalProcesses()) {
                    launch("keycloak", "KEYCLOAK_FRESH=1");
                } else {
                    url = Containers.keycloak(REPO.resolve("keycloak-realm"), KEYCLOAK_PORT);
                }
            } else {
                log.info("Reusing the Keycloak running at {}", url);
            }
            keycloak = new KeycloakServer(url, REPO.resolve("keycloak-realm/partner-workspace-realm.json"));
        }
        return keycloak;
    }

    public static synchronized OpenBaoServer openBao() {
        if (openBao == null) {
            String url = "http://127.0.0.1:" + OPENBAO_PORT;
            if (portOpen(OPENBAO_PORT)) {
                log.info("Reusing the OpenBao running at {}", url);
                openBao = withLoginFrom(url, existingApproleFile());
            } else if (useLocalProcesses()) {
                launch("openbao");
                openBao = withLoginFrom(url, TEST_STATE.resolve("openbao/engine-approle.properties"));
            } else {
                openBao = Containers.openBao(REPO.resolve("engine/vault"), OPENBAO_PORT);
            }
        }
        return openBao;
    }

    /** The local Slack/SMS receiver ({@link Receiver}): reused when running, else started like the other servers. */
    public static synchronized void receiver() {
        if (receiverUp) {
            return;
        }
        if (portOpen(Receiver.PORT)) {
            log.info("Reusing the receiver running on port {}", Receiver.PORT);
        } else if (Files.isExecutable(REPO.resolve("workspace"))) {
            launch("receiver");
        } else {
            startReceiverProcess();
        }
        receiverUp = true;
    }

    private static void startReceiverProcess() {
        try {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            REPO.resolve("engine/receiver/LocalReceiver.java").toString(),
                            "--port",
                            String.valueOf(Receiver.PORT))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            for (int i = 0; i < 100 && !portOpen(Receiver.PORT); i++) {
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local receiver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/workspace";
            if (portOpen(POSTGRES_PORT)) {
                log.info("Reusing the PostgreSQL running on port {}", POSTGRES_PORT);
                postgres = new PostgresServer(jdbcUrl, "workspace", "workspace");
            } else if (useLocalProcesses()) {
                launch("postgres");
                postgres = new PostgresServer(jdbcUrl, "workspace", "workspace");
            } else {
                postgres = Containers.postgres();
            }
        }
        return postgres;
    }

    /** Local processes unless told otherwise ({@code WORKSPACE_SERVERS=containers}) or the launcher is missing. */
    private static boolean useLocalProcesses() {
        boolean wantContainers = "containers".equals(System.getenv("WORKSPACE_SERVERS"));
        boolean launcherPresent = Files.isExecutable(REPO.resolve("workspace"));
        if (!wantContainers && launcherPresent) {
            return true;
        }
        if (Containers.dockerAvailable()) {
            return false;
        }
        throw new IllegalStateException("Cannot start test servers: no launcher at " + REPO.resolve("workspace")
                + " and no Docker engine for Testcontainers");
    }

    private static OpenBaoServer withLoginFrom(String url, Path approleFile) {
        Properties login = new Properties();
        try (InputStream in = Files.newInputStream(approleFile)) {
            login.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "OpenBao is running at " + url + " but its engine login " + approleFile
                            + " cannot be read; stop it or start it with ./workspace",
                    e);
        }
        return new OpenBaoServer(
                url, login.getProperty("workspace.vault.role-id"), login.getProperty("workspace.vault.secret-id"));
    }

    /** A running OpenBao was started by the launcher either for tests or for the local stack: use that one's login. */
    private static Path existingApproleFile() {
        for (Path state : List.of(TEST_STATE, WORKSPACE_HOME.resolve("stack"))) {
            if (launcherProcessAlive(state, "openbao")) {
                return state.resolve("openbao/engine-approle.properties");
            }
        }
        return TEST_STATE.resolve("openbao/engine-approle.properties");
    }

    private static boolean launcherProcessAlive(Path state, String part) {
        try {
            long pid = Long.parseLong(
                    Files.readString(state.resolve("pids/" + part + ".pid")).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void launch(String part, String... extraEnv) {
        log.info("Starting {} as a local process (state in {})", part, TEST_STATE);
        runLauncher(List.of("service", "start", part), Duration.ofMinutes(10), extraEnv);
        startedHere.add(part);
    }

    private static void stopWhatWeStarted() {
        if ("1".equals(System.getenv("WORKSPACE_KEEP_SERVERS"))) {
            return;
        }
        for (int i = startedHere.size() - 1; i >= 0; i--) {
            String part = startedHere.get(i);
            try {
                runLauncher(List.of("service", "stop", part), Duration.ofMinutes(1));
            } catch (RuntimeException e) {
                System.err.println("could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    private static void runLauncher(List<String> args, Duration timeout, String... extraEnv) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("WORKSPACE_STATE", TEST_STATE.toString());
        for (String assignment : extraEnv) {
            String[] parts = assignment.split("=", 2);
            env.put(parts[0], parts[1]);
        }
        Launcher.run(env, timeout, args.toArray(String[]::new));
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
