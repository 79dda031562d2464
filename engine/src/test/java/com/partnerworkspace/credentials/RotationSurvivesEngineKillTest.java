package com.partnerworkspace.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineProcess;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.OpenBaoServer;
import com.partnerworkspace.testsupport.PostgresServer;
import com.partnerworkspace.testsupport.RealServersExtension;
import com.partnerworkspace.testsupport.RealServersExtension.Server;
import com.partnerworkspace.testsupport.Slow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine is killed ({@code kill -9}) in the middle of a rotation — after Vault took the new version,
 * before the engine committed — and started again on the same PostgreSQL: the rotation completes with
 * exactly one new version. The engine runs as a separate process so it can really be killed; the moment
 * is made certain by holding the audit trail's head row locked, which the rotation step needs right
 * after its Vault write.
 */
@Slow
@ExtendWith(RealServersExtension.class)
@RealServersExtension.Needs({Server.POSTGRES, Server.KEYCLOAK, Server.OPENBAO})
class RotationSurvivesEngineKillTest {

    private static final int PORT = 18091;
    private static final String PARTNER = "nitin";

    @Test
    void rotationKilledAfterTheVaultWriteCompletesWithExactlyOneNewVersion(
            KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres) throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("engine-kill-test.log");
        Map<String, String> properties = engineProperties(keycloak, openBao, postgres);
        EngineProcess engine = new EngineProcess(PORT, properties, log).start(Duration.ofMinutes(3));
        String id;
        try {
            id = connect(engine, keycloak);
            String path = "partner-kv/metadata/partners/" + PARTNER + "/connection-" + id;
            assertThat(currentVersion(openBao, path)).isEqualTo(2);

            suspendRotationJobs(engine, keycloak, true);
            Api.Response rotate = Connections.postTo(
                    engine.baseUrl(), "/api/connections/" + id + "/rotate", keycloak.accessToken(PARTNER), null);
            assertThat(rotate.status()).as(rotate.body()).isEqualTo(202);

            try (Connection lock =
                    DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
                lock.setAutoCommit(false);
                lock.createStatement()
                        .executeQuery("select last_id from audit_head where id = 1 for update")
                        .close();
                suspendRotationJobs(engine, keycloak, false);
                await(() -> currentVersion(openBao, path) == 3, "Vault takes the rotated version");
                Thread.sleep(500);
                engine.kill();
                lock.rollback();
            }
            assertThat(currentVersion(openBao, path)).isEqualTo(3);
        } finally {
            engine.kill();
        }

        EngineProcess restarted = new EngineProcess(PORT, properties, log).start(Duration.ofMinutes(3));
        try {
            String path = "partner-kv/metadata/partners/" + PARTNER + "/connection-" + id;
            await(
                    () -> liveVersions(openBao, path).equals("[3]"),
                    "the rotation completes and destroys the old versions");
            assertThat(currentVersion(openBao, path))
                    .as("exactly one new version")
                    .isEqualTo(3);
            JsonNode connection = get(restarted, keycloak, id);
            assertThat(connection.get("state").asText()).isEqualTo("ACTIVE");
            JsonNode written = Api.get(
                            restarted.baseUrl(),
                            "/api/audit?action=credential.version-written&size=200",
                            keycloak.accessToken(PARTNER))
                    .json();
            assertThat(written.toString().split("connection/" + id, -1))
                    .as("version-written entries")
                    .hasSize(2);
            Connections.postTo(
                    restarted.baseUrl(), "/api/connections/" + id + "/revoke", keycloak.accessToken(PARTNER), null);
        } finally {
            restarted.kill();
        }
    }

    private static Map<String, String> engineProperties(
            KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres) {
        Map<String, String> properties = EngineProcess.properties("kill", keycloak, openBao, postgres);
        properties.put("workspace.credentials.rotation-grace-period", "PT2S");
        // A job of a killed node is taken over once its lock expires.
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", "5000");
        return properties;
    }

    /** A connection made on the engine process: the broker login's redirect is carried to its port. */
    private static String connect(EngineProcess engine, KeycloakServer keycloak) {
        Api.Response created = Connections.postTo(
                engine.baseUrl(),
                "/api/connections",
                keycloak.accessToken(PARTNER),
                Map.of(
                        "broker",
                        "broker-sim",
                        "label",
                        "Kill test",
                        "apiKey",
                        Connections.BROKER_SIM_CLIENT,
                        "apiSecret",
                        Connections.BROKER_SIM_SECRET));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        URI callback = keycloak.brokerLogin(
                URI.create(created.json().get("authorizationUrl").asText()), "trader", "demo1234");
        URI onEngine = URI.create(callback.toString().replace("http://localhost:18080", engine.baseUrl()));
        assertThat(Connections.followToCallback(onEngine).statusCode()).isEqualTo(303);
        await(
                () -> {
                    JsonNode c = get(engine, keycloak, id);
                    return c.get("state").asText().equals("ACTIVE")
                            && c.get("activity").isNull();
                },
                "the connection is active");
        return id;
    }

    private static JsonNode get(EngineProcess engine, KeycloakServer keycloak, String id) {
        return Api.get(engine.baseUrl(), "/api/connections/" + id, keycloak.accessToken(PARTNER))
                .json();
    }

    /** Through the engine's REST API (ops): jobs of a suspended definition wait until it is activated. */
    private static void suspendRotationJobs(EngineProcess engine, KeycloakServer keycloak, boolean suspended) {
        Api.Response response = Api.send(
                engine.baseUrl(),
                "/engine-rest/job-definition/suspended",
                keycloak.accessToken("omar"),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"processDefinitionKey\":\"credential-rotation\",\"suspended\":" + suspended
                                        + ",\"includeJobs\":true}")));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private static int currentVersion(OpenBaoServer openBao, String path) {
        return metadata(openBao, path).path("data").path("current_version").asInt(-1);
    }

    private static String liveVersions(OpenBaoServer openBao, String path) {
        JsonNode versions = metadata(openBao, path).path("data").path("versions");
        java.util.List<Integer> live = new java.util.ArrayList<>();
        versions.fields().forEachRemaining(version -> {
            if (!version.getValue().path("destroyed").asBoolean()) {
                live.add(Integer.parseInt(version.getKey()));
            }
        });
        live.sort(null);
        return live.toString();
    }

    private static JsonNode metadata(OpenBaoServer openBao, String path) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(openBao.url() + "/v1/auth/approle/login"))
                            .POST(HttpRequest.BodyPublishers.ofString(Connections.JSON.writeValueAsString(
                                    Map.of("role_id", openBao.roleId(), "secret_id", openBao.secretId()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = Connections.JSON
                    .readTree(login.body())
                    .at("/auth/client_token")
                    .asText();
            HttpResponse<String> metadata = http.send(
                    HttpRequest.newBuilder(URI.create(openBao.url() + "/v1/" + path))
                            .header("X-Vault-Token", token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Connections.JSON.readTree(metadata.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out: " + what);
            }
            Connections.sleep(Duration.ofMillis(300));
        }
    }
}
