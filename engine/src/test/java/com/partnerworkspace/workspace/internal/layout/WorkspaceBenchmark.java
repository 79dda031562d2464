package com.partnerworkspace.workspace.internal.layout;

import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints p50/p95 of {@code GET /api/workspace} (target p95 < 20 ms) over HTTP with real tokens: a person
 * following their persona's defaults and one with a saved layout. Run: {@code ./mvnw -pl engine verify
 * -Dgroups=benchmark -DexcludedGroups=none -Dtest=WorkspaceBenchmark}.
 */
@EngineTest
@Tag("benchmark")
class WorkspaceBenchmark {

    private static final int WARMUP = 200;
    private static final int CALLS = 1000;

    @Autowired
    JdbcClient db;

    @Test
    void getWorkspace() {
        db.sql("delete from workspace_layout where username in ('nikhil', 'raja')")
                .update();
        Api.Response saved = Api.send(
                "/api/workspace/layout",
                token("raja"),
                request -> request.header("Content-Type", "application/json")
                        .PUT(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"layout\":[{\"widget\":\"login-health\",\"size\":\"S\",\"settings\":{}},"
                                                + "{\"widget\":\"delegations\",\"size\":\"L\",\"settings\":{\"expiringDays\":5}}]}")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        report("GET /api/workspace, following the defaults (nikhil)", token("nikhil"));
        report("GET /api/workspace, with a saved layout (raja)", token("raja"));
    }

    private static void report(String name, String bearer) {
        for (int i = 0; i < WARMUP; i++) {
            Api.get("/api/workspace", bearer);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            Api.Response response = Api.get("/api/workspace", bearer);
            nanos.add(System.nanoTime() - started);
            assertThat(response.status()).isEqualTo(200);
        }
        nanos.sort(Long::compare);
        System.out.printf(
                "%nBENCHMARK %s over %d: p50 %.2f ms, p95 %.2f ms (target p95 < 20 ms)%n%n",
                name, CALLS, nanos.get(CALLS / 2) / 1e6, nanos.get((int) (CALLS * 0.95) - 1) / 1e6);
    }
}
