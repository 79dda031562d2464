package com.partnerworkspace.diagnostics;

import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The OAuth doctor's wall time over broker-sim, as a partner waits for it: {@value #RUNS} runs of
 * {@code POST /api/connections/{id}/diagnose} on an Active connection with a registered static address, so
 * every check runs (none is skipped), after {@value #WARMUP} warm-up runs. Prints p50/p95/max of the HTTP call
 * and of the doctor's own {@code durationMs} (target p95 < 3 s).
 *
 * <p>Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=DoctorBenchmark}.
 */
@EngineTest
@Order(Integer.MAX_VALUE)
@Tag("benchmark")
class DoctorBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 50;

    @Test
    void everyCheckOverBrokerSimWithinThreeSecondsAtP95() {
        String id = Connections.connectedOk(
                        "nitin", "Doctor bench " + UUID.randomUUID().toString().substring(0, 8))
                .get("id")
                .asText();
        assertThat(OAuthDoctorTest.put(
                                "/api/connections/" + id + "/diagnosis-settings",
                                "nitin",
                                Map.of("registeredAddress", "127.0.0.1"))
                        .status())
                .isEqualTo(200);
        String bearer = token("nitin");
        for (int run = 0; run < WARMUP; run++) {
            diagnose(id, bearer);
        }
        List<Long> wall = new ArrayList<>();
        List<Long> doctor = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            JsonNode diagnosis = diagnose(id, bearer);
            wall.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            doctor.add(diagnosis.get("durationMs").asLong());
            for (JsonNode check : diagnosis.get("checks")) {
                assertThat(check.get("status").asText())
                        .as("every check runs: %s", check)
                        .isNotEqualTo("skipped");
            }
        }
        System.out.printf(
                "DoctorBenchmark: %d runs, every check run over broker-sim.%n  HTTP wall ms: %s%n  doctor durationMs:"
                        + " %s%n",
                RUNS, figures(wall), figures(doctor));
        assertThat(percentile(wall, 95)).as("p95 of the doctor's wall time, ms").isLessThan(3000);
        post("/api/connections/" + id + "/revoke", bearer, null);
    }

    private static JsonNode diagnose(String id, String bearer) {
        Api.Response response = post("/api/connections/" + id + "/diagnose", bearer, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String figures(List<Long> millis) {
        return "p50 " + percentile(millis, 50) + ", p95 " + percentile(millis, 95) + ", max " + percentile(millis, 100);
    }

    private static long percentile(List<Long> millis, int percent) {
        List<Long> sorted = millis.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
