package com.partnerworkspace.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.Launcher;
import com.partnerworkspace.testsupport.Slow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's OpenBao keeps its secrets across stop and start (raft storage, automatic unseal
 * from the state folder) — unlike dev mode. Runs its own server on a spare port.
 */
// Starts, stops and restarts a server of its own (about 17 s): the full tier.
@Slow
class OpenBaoRestartTest {

    private static final int PORT = 18200;
    private static final Path STATE = Path.of("target/openbao-restart").toAbsolutePath();
    private static final Map<String, String> ENV =
            Map.of("WORKSPACE_STATE", STATE.toString(), "OPENBAO_PORT", String.valueOf(PORT));
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void secretsSurviveStopAndStart() throws Exception {
        Launcher.run(ENV, "service", "start", "openbao");
        String rootToken = JSON.readTree(STATE.resolve("openbao/init.json").toFile())
                .get("root_token")
                .asText();
        send(
                rootToken,
                HttpRequest.newBuilder(secretUri())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"value\":\"kept\"}}")));

        Launcher.run(ENV, "service", "stop", "openbao");
        Launcher.run(ENV, "service", "start", "openbao");

        JsonNode read = JSON.readTree(
                send(rootToken, HttpRequest.newBuilder(secretUri()).GET()));
        assertThat(read.at("/data/data/value").asText()).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE.resolve("openbao/init.json"))))
                .as("unseal key and root token readable by their owner only")
                .isEqualTo("rw-------");
    }

    @AfterAll
    static void stop() {
        Launcher.run(ENV, "service", "stop", "openbao");
    }

    private URI secretUri() {
        return URI.create("http://127.0.0.1:" + PORT + "/v1/partner-kv/data/partners/nikhil/restart-check");
    }

    private String send(String token, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                http.send(request.header("X-Vault-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response.body();
    }
}
