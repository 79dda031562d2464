package com.partnerworkspace.diagnostics.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.partnerworkspace.credentials.Connections.BROKER_SIM_SECRET;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.BrowserPage;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakLoginPage;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Playwright smoke test, started from a connection card and read through its API, against the real
 * stack: raja's synthetic user logs in to the
 * workspace through Keycloak (password and TOTP), logs in at broker-sim for a new connection made with the
 * keys of raja's connection, and sees it Active. Every artifact is fetched and searched for every secret
 * the run used (the synthetic user's password and TOTP seed, the broker password, the client secret); the
 * screenshots of the login steps show the mask over the secret fields. A wrong synthetic password fails the
 * run at the Keycloak step, skips the rest, and raises an alert. One run per partner at a time; only the
 * partner and ops see runs and artifacts. The card shows the run's steps with their screenshots.
 */
@Slow
@EngineTest
class SmokeTestTest {

    private static final String PARTNER = "raja";
    private static final SecretPath SYNTHETIC = SmokeTestUsers.secretOf(PARTNER);
    /** Playwright's default mask colour over a masked field. */
    private static final int MASK_RGB = 0xFF00FF;

    @Autowired
    VaultSecrets vault;

    @Autowired
    SmokeTestUsers users;

    @Autowired
    KeycloakDirectory directory;

    @RegisterExtension
    final BrowserPage browser = new BrowserPage();

    @Test
    void theSmokeTestLogsInThroughKeycloakAndTheBrokerToAnActiveConnectionWithNoSecretInAnyArtifact() throws Exception {
        String connection = activeConnection();

        // raja starts it from the connection's card: 202 {id, state}.
        Page page = browser.page();
        page.setDefaultTimeout(30_000);
        page.navigate(EngineTest.BASE_URL + "/credentials");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        KeycloakLoginPage.logIn(page, PARTNER);
        Locator card = page.locator("[data-connection='" + connection + "']");
        card.waitFor();
        java.util.Set<Long> before = Rss.processes(); // the test's own browser is not the engine's
        long started = System.nanoTime();
        Response start = page.waitForResponse(
                response -> response.url().endsWith("/api/smoke-tests")
                        && response.request().method().equals("POST"),
                () -> card.getByRole(
                                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run Playwright smoke test"))
                        .click());
        assertThat(start.status()).isEqualTo(202);
        // (Chromium does not always keep the body of a finished XHR; the list names the run.)
        JsonNode newest = Api.get("/api/smoke-tests?partner=" + PARTNER, token(PARTNER))
                .json()
                .get(0);
        String id = newest.get("id").asText();
        assertThat(newest.get("requestedBy").asText()).isEqualTo(PARTNER);

        Api.Response second = startAs(PARTNER, connection);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body()).contains("/smoke-test-running");
        assertThat(startAs("mukesh", connection).status()).isEqualTo(403);
        assertThat(Api.get("/api/smoke-tests/" + id, token("mukesh")).status()).isEqualTo(404);

        Sampled sampled = awaitFinished(id, before);
        long wallMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        JsonNode run = sampled.run();
        System.out.printf(
                "SMOKE-TEST wall time %d ms (run %d ms); engine RSS peak with the browser %d MB (JVM %d MB +"
                        + " the run's Chromium %d MB RSS, %d MB PSS); the run's browser processes left after it:"
                        + " %d MB%n",
                wallMs,
                run.get("durationMs").asLong(),
                sampled.peakTotalKb() / 1024,
                sampled.peakJvmKb() / 1024,
                sampled.peakChildrenKb() / 1024,
                sampled.peakChildrenPssKb() / 1024,
                Rss.children(before) / 1024);

        Map<String, byte[]> artifacts = artifactsOf(run, PARTNER);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("PASSED");
        List<String> names = new ArrayList<>();
        run.get("steps").forEach(step -> {
            names.add(step.get("name").asText());
            assertThat(step.get("status").asText()).as(step.toString()).isEqualTo("PASSED");
            assertThat(step.get("durationMs").asLong()).isPositive();
            assertThat(step.get("startedAt").asText()).isNotBlank();
            assertThat(step.get("screenshot").asText()).endsWith(".png");
        });
        assertThat(names).containsExactly("workspace", "keycloak-login", "broker-login", "active-connection");
        assertThat(run.get("trace").asText()).isEqualTo("trace.zip");

        Map<String, String> secrets = secretsUsed();
        SoftAssertions softly = new SoftAssertions();
        scanForSecrets(softly, artifacts, secrets);
        softly.assertThat(traceEntry(artifacts.get("trace.zip"), ".trace"))
                .as("the trace keeps the actions, with what was typed masked")
                .contains("\"fill\"")
                .contains("[masked]");
        softly.assertAll();

        String screenshot = "/api/smoke-tests/" + id + "/artifacts/step-1-workspace.png";
        assertThat(Api.get(screenshot, token("mukesh")).status()).isEqualTo(404);
        assertThat(Api.get(screenshot, token("omar")).status()).isEqualTo(200);
        assertThat(Api.get("/api/smoke-tests?partner=" + PARTNER, token(PARTNER))
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(Api.get("/api/smoke-tests?partner=" + PARTNER, token("mukesh"))
                        .status())
                .isEqualTo(403);
        assertThat(audited(id)).contains("diagnostics.smoke-test-started", "diagnostics.smoke-test-finished");

        // The card shows the timeline: each step passed, with its duration and its screenshot loaded.
        assertThat(card.locator("[role=status]"))
                .containsText("Smoke test: Passed", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        Locator steps = card.locator("li[data-step]");
        assertThat(steps).hasCount(4);
        for (int i = 0; i < 4; i++) {
            assertThat(steps.nth(i)).hasAttribute("data-status", "PASSED");
            assertThat(steps.nth(i)).containsText(" ms");
            Locator image = steps.nth(i).locator("img");
            assertThat(image).isVisible();
            page.waitForCondition(() -> (Integer) image.evaluate("img => img.naturalWidth") > 0);
        }
        assertThat(card.getByText("Download the Playwright trace")).isVisible();
    }

    @Test
    void aWrongSyntheticPasswordFailsAtKeycloakSkipsTheRestAndRaisesAnAlert() throws Exception {
        String connection = activeConnection();
        users.loginFor(PARTNER); // makes the synthetic user if no earlier run did
        Map<String, String> good = vault.read(SYNTHETIC).values();
        Map<String, String> wrong = new HashMap<>(good);
        wrong.put("password", "Wrong-" + UUID.randomUUID());
        vault.write(SYNTHETIC, wrong);
        try {
            JsonNode run = startAndAwait(connection);

            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("FAILED");
            List<String> statuses = new ArrayList<>();
            run.get("steps").forEach(step -> statuses.add(step.get("status").asText()));
            assertThat(statuses).containsExactly("PASSED", "FAILED", "SKIPPED", "SKIPPED");
            JsonNode keycloakStep = run.get("steps").get(1);
            assertThat(keycloakStep.get("failure").asText()).contains("Keycloak refused the synthetic user's password");
            assertThat(keycloakStep.get("screenshot").asText()).isEqualTo("step-2-keycloak-login.png");

            Map<String, String> secrets = secretsUsed();
            secrets.put("the wrong password", wrong.get("password"));
            Map<String, byte[]> artifacts = artifactsOf(run, PARTNER);
            SoftAssertions softly = new SoftAssertions();
            scanForSecrets(softly, artifacts, secrets);
            softly.assertThat(maskedPixels(artifacts.get("step-2-keycloak-login.png")))
                    .as("the failed Keycloak step's screenshot shows the password field masked")
                    .isGreaterThan(1000);
            softly.assertAll();

            JsonNode alerts = Api.get("/api/alerts", token(PARTNER)).json();
            assertThat(alerts.findValuesAsText("type")).contains("diagnostics.smoke-test-failed");
            // The alert goes to raja's people, never to the synthetic user's undeliverable address.
            assertThat(directory.ownUsersOf(PARTNER))
                    .extracting(com.partnerworkspace.keycloak.Person::username)
                    .contains(PARTNER)
                    .doesNotContain(SmokeTestUsers.usernameOf(PARTNER));
        } finally {
            vault.write(SYNTHETIC, good);
        }
    }

    // ---- runs ----

    private static String connectionId;

    private static synchronized String activeConnection() {
        if (connectionId == null) {
            connectionId = Connections.connectedOk(
                            PARTNER,
                            "Smoke target " + UUID.randomUUID().toString().substring(0, 8))
                    .get("id")
                    .asText();
        }
        return connectionId;
    }

    private static Api.Response startAs(String user, String connection) {
        return Connections.post("/api/smoke-tests", token(user), Map.of("partner", PARTNER, "connection", connection));
    }

    /** Starts a run through the API (202 {id, state}) and waits for its end. */
    private static JsonNode startAndAwait(String connection) {
        Api.Response start = startAs(PARTNER, connection);
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        assertThat(start.json().get("state").asText()).isIn("QUEUED", "RUNNING");
        return awaitFinished(start.json().get("id").asText(), Rss.processes()).run();
    }

    record Sampled(JsonNode run, long peakTotalKb, long peakJvmKb, long peakChildrenKb, long peakChildrenPssKb) {}

    /** Polls the run until it finishes, sampling the engine's memory (this JVM and its browser) meanwhile. */
    private static Sampled awaitFinished(String id, java.util.Set<Long> before) {
        Instant deadline = Instant.now().plusSeconds(120);
        long peakTotal = 0;
        long peakJvm = 0;
        long peakChildren = 0;
        long peakChildrenPss = 0;
        while (true) {
            peakChildrenPss = Math.max(peakChildrenPss, Rss.childrenPss(before));
            long jvm = Rss.jvm();
            long children = Rss.children(before);
            if (jvm + children > peakTotal) {
                peakTotal = jvm + children;
                peakJvm = jvm;
                peakChildren = children;
            }
            JsonNode run = Api.get("/api/smoke-tests/" + id, token(PARTNER)).json();
            String state = run.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return new Sampled(run, peakTotal, peakJvm, peakChildren, peakChildrenPss);
            }
            assertThat(Instant.now()).as("run " + id + " still " + state).isBefore(deadline);
            Connections.sleep(Duration.ofMillis(250));
        }
    }

    // ---- artifacts ----

    /** Every secret the runs type, by what it is. */
    private Map<String, String> secretsUsed() {
        Map<String, String> stored = vault.read(SYNTHETIC).values();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the synthetic user's password", stored.get("password"));
        secrets.put("the synthetic user's TOTP seed", stored.get("totpSeed"));
        secrets.put("the broker password", stored.get("brokerPassword"));
        secrets.put("the client secret", BROKER_SIM_SECRET);
        return secrets;
    }

    /** Every artifact the run names, fetched as the partner: each answered 200 and never cached. */
    private static Map<String, byte[]> artifactsOf(JsonNode run, String user) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        run.get("steps").forEach(step -> {
            if (step.hasNonNull("screenshot")) {
                names.add(step.get("screenshot").asText());
            }
        });
        if (run.hasNonNull("trace")) {
            names.add(run.get("trace").asText());
        }
        assertThat(names).isNotEmpty();
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        for (String name : names) {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(EngineTest.BASE_URL + "/api/smoke-tests/"
                                            + run.get("id").asText() + "/artifacts/" + name))
                                    .header("Authorization", "Bearer " + token(user))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                    .as(name)
                    .contains("no-store");
            artifacts.put(name, response.body());
            Path kept = Path.of("target/smoke-test", run.get("id").asText(), name);
            Files.createDirectories(kept.getParent());
            Files.write(kept, response.body());
        }
        return artifacts;
    }

    /** Each artifact, and each entry of the trace zip, searched for each secret as typed, URL- and JSON-encoded. */
    private static void scanForSecrets(
            SoftAssertions softly, Map<String, byte[]> artifacts, Map<String, String> secrets) throws IOException {
        for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
            Map<String, byte[]> parts = artifact.getKey().endsWith(".zip")
                    ? unzip(artifact.getValue())
                    : Map.of(artifact.getKey(), artifact.getValue());
            softly.assertThat(parts).as(artifact.getKey()).isNotEmpty();
            parts.forEach((part, bytes) -> {
                String latin = new String(bytes, StandardCharsets.ISO_8859_1);
                secrets.forEach((what, secret) -> {
                    for (String form : List.of(
                            secret, URLEncoder.encode(secret, StandardCharsets.UTF_8), secret.replace("\"", "\\\""))) {
                        softly.assertThat(latin.contains(form))
                                .as("%s (%s) shows %s", artifact.getKey(), part, what)
                                .isFalse();
                    }
                });
            });
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String traceEntry(byte[] zip, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : unzip(zip).entrySet()) {
            if (entry.getKey().endsWith(suffix)) {
                text.append(new String(entry.getValue(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static long maskedPixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == MASK_RGB) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<String> audited(String id) {
        JsonNode page = Api.get("/api/audit?size=200", token("omar")).json();
        List<String> actions = new ArrayList<>();
        page.get("entries").forEach(entry -> {
            if (("smoke-test/" + id).equals(entry.path("target").asText())) {
                actions.add(entry.get("action").asText());
            }
        });
        return actions;
    }

    /** Resident memory of this JVM (the engine) and of its child processes (Playwright's driver, Chromium). */
    static final class Rss {

        static long jvm() {
            return of(ProcessHandle.current().pid());
        }

        /** Playwright's drivers (Node) and Chromium's processes under this JVM, now. */
        static java.util.Set<Long> processes() {
            return browserProcesses().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        }

        /** The browser processes started since {@code before}: the engine's run (Chromium starts per run). */
        static long children(java.util.Set<Long> before) {
            return browserProcesses()
                    .filter(process -> !before.contains(process.pid()))
                    .mapToLong(process -> of(process.pid()))
                    .sum();
        }

        /** Proportional set size of the same processes: pages they share counted once overall. */
        static long childrenPss(java.util.Set<Long> before) {
            return browserProcesses()
                    .filter(process -> !before.contains(process.pid()))
                    .mapToLong(process -> field(process.pid(), "smaps_rollup", "Pss:"))
                    .sum();
        }

        private static java.util.stream.Stream<ProcessHandle> browserProcesses() {
            return ProcessHandle.current()
                    .descendants()
                    .filter(process -> process.info()
                            .command()
                            .map(command -> command.contains("chromium") || command.endsWith("/node"))
                            .orElse(false));
        }

        private static long of(long pid) {
            return field(pid, "status", "VmRSS:");
        }

        private static long field(long pid, String file, String name) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
            return 0;
        }
    }
}
