package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineProcess;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.OpenBaoServer;
import com.partnerworkspace.testsupport.PostgresServer;
import com.partnerworkspace.testsupport.RealServersExtension;
import com.partnerworkspace.testsupport.RealServersExtension.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the engine's memory goes under load (issue 21, point 7: at most 600 MB resident). Starts the engine as
 * its own process with {@code engine/jvm.options} (what {@code ./workspace up} and the Docker image use) on the
 * embedded database, tours every page's API calls as four partners, an approver and ops from eight threads,
 * and prints the peak and final resident size, the JVM's own accounting (heap, metaspace, threads, code, GC)
 * and the tour's latency, so a change of the options can be judged on both.
 *
 * <p>Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=EngineMemoryBenchmark}
 * (add {@code -Dbenchmark.jvm-options="-Xmx768m"} to compare other options).
 */
@Tag("benchmark")
@ExtendWith(RealServersExtension.class)
@RealServersExtension.Needs({Server.POSTGRES, Server.KEYCLOAK, Server.OPENBAO})
class EngineMemoryBenchmark {

    private static final int PORT = 18093;
    private static final int ROUNDS = 40;
    private static final int THREADS = 8;
    private static final List<String> PARTNERS = List.of("nikhil", "mukesh", "raja", "nitin");

    @Test
    void residentMemoryUnderAPageTourOfSixUsers(KeycloakServer keycloak, OpenBaoServer openBao, PostgresServer postgres)
            throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("engine-memory-benchmark.log");
        Map<String, String> properties = new java.util.LinkedHashMap<>(
                EngineProcess.properties("memory-benchmark", keycloak, openBao, postgres));
        properties.keySet().removeIf(name -> name.startsWith("spring.datasource.")); // the embedded default, as `up`
        List<String> extra = new ArrayList<>(List.of("-XX:NativeMemoryTracking=summary"));
        String override = System.getProperty("benchmark.jvm-options", "");
        if (!override.isBlank()) {
            extra.addAll(List.of(override.trim().split("\\s+")));
        }
        try (EngineProcess engine =
                new EngineProcess(PORT, properties, log).withJvmOptions(extra).start(Duration.ofMinutes(3))) {
            long afterStart = residentKb(engine.pid());
            List<Visit> visits = visits(keycloak);
            visits.forEach(visit -> visit.call(engine)); // warm-up: every call once
            AtomicLong peak = new AtomicLong(residentKb(engine.pid()));
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            long tourStarted = System.nanoTime();
            tour(engine, visits, peak, nanos);
            double tourSeconds = (System.nanoTime() - tourStarted) / 1e9;
            long afterTour = residentKb(engine.pid());
            System.out.printf(
                    "%nEngine memory (options: %s %s)%n  resident after start %d MB, peak under load %d MB, after the tour %d MB (target <= 600 MB)%n",
                    String.join(
                            " ",
                            Files.readAllLines(EngineProcess.JVM_OPTIONS).stream()
                                    .filter(line -> line.startsWith("-"))
                                    .toList()),
                    override,
                    afterStart / 1024,
                    Math.max(peak.get(), afterTour) / 1024,
                    afterTour / 1024);
            System.out.printf(
                    "  tour: %d calls in %.1f s from %d threads, p50 %.2f ms, p95 %.2f ms%n",
                    nanos.size(), tourSeconds, THREADS, percentile(nanos, 50), percentile(nanos, 95));
            System.out.println(nativeMemorySummary(engine.pid()));
            assertThat(nanos).hasSize(ROUNDS * visits.size());
        }
    }

    /** One page's API call as one user, with that user's token. */
    private record Visit(String user, String path, String token) {
        void call(EngineProcess engine) {
            Api.Response response = Api.get(engine.baseUrl(), path, token);
            if (response.status() >= 500) {
                throw new IllegalStateException(
                        user + " GET " + path + ": " + response.status() + " " + response.body());
            }
        }
    }

    private static List<Visit> visits(KeycloakServer keycloak) {
        List<Visit> visits = new ArrayList<>();
        for (String partner : PARTNERS) {
            String token = keycloak.accessToken(partner);
            for (String path : List.of(
                    "/api/me",
                    "/api/ui-config",
                    "/api/connections",
                    "/api/brokers",
                    "/api/delegations",
                    "/api/scopes",
                    "/api/partners/" + partner + "/team",
                    "/api/alerts",
                    "/api/alert-preferences",
                    "/api/tasks",
                    "/api/audit",
                    "/api/audit/verify",
                    "/",
                    "/workspace")) {
                visits.add(new Visit(partner, path, token));
            }
        }
        String approver = keycloak.accessToken("priya");
        for (String path : List.of("/api/me", "/api/tasks", "/api/delegations", "/api/audit", "/inbox")) {
            visits.add(new Visit("priya", path, approver));
        }
        String ops = keycloak.accessToken("omar");
        for (String path : List.of(
                "/api/me",
                "/api/connections",
                "/api/alerts",
                "/api/alert-preferences?partner=nikhil",
                "/api/tasks",
                "/api/audit",
                "/api/audit/verify",
                "/api/delegations")) {
            visits.add(new Visit("omar", path, ops));
        }
        return visits;
    }

    private static void tour(EngineProcess engine, List<Visit> visits, AtomicLong peak, List<Long> nanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Visit visit : visits) {
                    calls.add(pool.submit(() -> {
                        long started = System.nanoTime();
                        visit.call(engine);
                        nanos.add(System.nanoTime() - started);
                    }));
                }
            }
            for (int i = 0; i < calls.size(); i++) {
                calls.get(i).get(2, TimeUnit.MINUTES);
                if (i % 50 == 0) {
                    peak.accumulateAndGet(residentKb(engine.pid()), Math::max);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** The committed size of each area the JVM accounts for, from {@code jcmd <pid> VM.native_memory summary}. */
    private static String nativeMemorySummary(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(
                        jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary", "scale=MB")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        StringBuilder summary = new StringBuilder("  JVM accounting (committed MB):");
        Matcher total =
                Pattern.compile("Total: reserved=\\d+MB, committed=(\\d+)MB").matcher(out);
        if (total.find()) {
            summary.append(" total ").append(total.group(1));
        }
        Matcher area = Pattern.compile("-\\s+(\\w[\\w ]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)")
                .matcher(out);
        while (area.find()) {
            if (Integer.parseInt(area.group(2)) > 0) {
                summary.append(", ").append(area.group(1)).append(' ').append(area.group(2));
            }
        }
        Matcher threads = Pattern.compile("\\(thread #(\\d+)\\)").matcher(out);
        if (threads.find()) {
            summary.append(" (").append(threads.group(1)).append(" threads)");
        }
        return summary.toString();
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
