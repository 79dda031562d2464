package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The run's deadline bounds every wait: a workspace that accepts the connection and never answers ends the
 * run at its deadline as timed out, with the rest skipped, instead of hanging the engine's one browser.
 * Runs the engine's own browser class against Debian's Chromium, no Spring context.
 */
class SmokeTestDeadlineTest {

    @Test
    void aWorkspaceThatNeverAnswersEndsTheRunAtItsDeadline() throws Exception {
        List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmokeTestBrowser browser = new SmokeTestBrowser(
                    new MockEnvironment().withProperty("workspace.state-dir", "target/smoke-deadline-state"));
            try {
                long start = System.nanoTime();
                SmokeTestScript.Plan plan = new SmokeTestScript.Plan(
                        "http://127.0.0.1:" + silent.getLocalPort(),
                        "partner-workspace",
                        new SmokeTestUsers.Login("smoke-x", "never-typed-1", "SEED", "trader", "never-typed-2"),
                        new Broker(
                                "broker-sim",
                                "Broker Sim",
                                "oauth2",
                                URI.create("http://127.0.0.1:1/realms/broker-sim"),
                                URI.create("http://127.0.0.1:1/realms/broker-sim"),
                                null,
                                null,
                                null,
                                null),
                        new Keys("key", "secret-value"),
                        "Smoke test deadline",
                        start + Duration.ofSeconds(3).toNanos());
                CompletableFuture<SmokeTestScript.Outcome> outcome = new CompletableFuture<>();
                browser.submit(
                        started -> outcome.complete(
                                new SmokeTestScript(plan, Clock.systemUTC(), new OneTimeCodes()).run(started)),
                        outcome::completeExceptionally);
                SmokeTestScript.Outcome result = outcome.get(30, TimeUnit.SECONDS);
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(result.timedOut()).isTrue();
                assertThat(result.steps())
                        .extracting(SmokeTest.Step::status)
                        .containsExactly("FAILED", "SKIPPED", "SKIPPED", "SKIPPED");
                assertThat(result.steps().get(0).failure()).contains("deadline");
                assertThat(result.trace()).isEqualTo("trace.zip");
                // 3 s deadline, then at most 2 s for the last screenshot of a page that never loaded
                assertThat(elapsedMs).isLessThan(7_000);
            } finally {
                browser.destroy();
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
