package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.Launcher;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A time-bounded, schema-driven fuzz run (schemathesis) over the published OpenAPI document, with a real
 * Keycloak token: no server error, and every answer's status, content type, headers and body as the
 * document says. New endpoints join the run by being in the document.
 */
@Slow
@EngineTest
class ApiFuzzTest {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);
    private static final List<String> CHECKS = List.of(
            "not_a_server_error",
            "status_code_conformance",
            "content_type_conformance",
            "response_headers_conformance",
            "response_schema_conformance");

    @Test
    void theApiSurvivesSchemaDrivenFuzzing(KeycloakServer keycloak) throws Exception {
        Path schemathesis = RealServers.tools().resolve("schemathesis/bin/schemathesis");
        if (!Files.isExecutable(schemathesis)) {
            Launcher.run(Map.of(), Duration.ofMinutes(10), "setup");
        }
        Path reports = Path.of("target", "schemathesis").toAbsolutePath();
        Files.createDirectories(reports);
        Path output = reports.resolve("output.txt");

        Process run = new ProcessBuilder(
                        schemathesis.toString(),
                        "run",
                        EngineTest.BASE_URL + "/v3/api-docs",
                        "--checks",
                        String.join(",", CHECKS),
                        "--header",
                        "Authorization: Bearer " + keycloak.accessToken("nikhil"),
                        "--max-examples",
                        "40",
                        "--max-time",
                        "45",
                        "--seed",
                        "20261126",
                        "--workers",
                        "1",
                        "--request-timeout",
                        "10",
                        "--report",
                        "junit",
                        "--report-dir",
                        reports.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = run.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            run.destroyForcibly();
        }

        assertThat(finished).as("schemathesis finished within %s", RUN_LIMIT).isTrue();
        assertThat(run.exitValue())
                .as("schemathesis found failures:%n%s", tail(output))
                .isZero();
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
