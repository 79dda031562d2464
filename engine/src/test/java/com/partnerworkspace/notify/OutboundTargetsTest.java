package com.partnerworkspace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Where calls to typed URLs may go, without an engine: the address classifier, the allow-list by name,
 * the stack's own hosts, and sends that are refused before any connection is made. No test sends
 * anything to a private network: refused addresses are refused before a socket opens, and the only
 * server is one of this test's own on loopback.
 */
class OutboundTargetsTest {

    private static final OutboundTargets NOTHING_ALLOWED = new OutboundTargets(List.of(), Set.of());

    @Nested
    class InternalAddresses {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "10.0.0.1",
                    "10.255.255.255",
                    "172.16.0.1",
                    "172.31.255.254",
                    "192.168.1.1",
                    "127.0.0.1",
                    "127.1.2.3",
                    "169.254.169.254",
                    "0.0.0.0",
                    "0.1.2.3",
                    "100.64.0.1",
                    "100.127.255.254",
                    "192.0.0.8",
                    "198.18.0.1",
                    "224.0.0.1",
                    "239.255.255.250",
                    "240.0.0.1",
                    "255.255.255.255",
                    "::",
                    "::1",
                    "fc00::1",
                    "fd12:3456:789a::1",
                    "fe80::1",
                    "fec0::1",
                    "ff02::1",
                    "::a00:1",
                    "64:ff9b::a9fe:a9fe",
                    "2002:c0a8:101::1"
                })
        void areRefused(String literal) throws UnknownHostException {
            assertThat(InternalRanges.rangeOf(InetAddress.getByName(literal)))
                    .as(literal)
                    .isPresent();
        }

        @Test
        void ipv4MappedIpv6IsJudgedByItsIpv4Address() throws UnknownHostException {
            assertThat(InternalRanges.rangeOf(mapped(10, 0, 0, 1)))
                    .hasValueSatisfying(range -> assertThat(range).contains("10.0.0.0/8"));
            assertThat(InternalRanges.rangeOf(mapped(127, 0, 0, 1))).isPresent();
            assertThat(InternalRanges.rangeOf(mapped(100, 64, 1, 1))).isPresent();
            assertThat(InternalRanges.rangeOf(mapped(8, 8, 8, 8))).isEmpty();
            assertThat(InternalRanges.rangeOf(InetAddress.getByName("::ffff:192.168.0.1")))
                    .as("as Java parses it")
                    .isPresent();
        }

        /** An IPv4-mapped IPv6 address kept as IPv6 (Java's parser would turn it into IPv4). */
        private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
            byte[] bytes = new byte[16];
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            bytes[12] = (byte) a;
            bytes[13] = (byte) b;
            bytes[14] = (byte) c;
            bytes[15] = (byte) d;
            return Inet6Address.getByAddress(null, bytes, -1);
        }
    }

    @Nested
    class PublicAddresses {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "8.8.8.8",
                    "1.1.1.1",
                    "9.255.255.255",
                    "11.0.0.1",
                    "100.63.255.255",
                    "100.128.0.1",
                    "172.15.255.255",
                    "172.32.0.1",
                    "192.167.255.255",
                    "192.169.0.1",
                    "223.255.255.255",
                    "2606:4700:4700::1111",
                    "2a00:1450:4001::200e",
                    "64:ff9b::808:808",
                    "2002:808:808::1"
                })
        void areAllowed(String literal) throws UnknownHostException {
            assertThat(InternalRanges.rangeOf(InetAddress.getByName(literal)))
                    .as(literal)
                    .isEmpty();
        }
    }

    @Nested
    class UrlsWhenSaved {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://10.0.0.1/hook",
                    "http://127.0.0.1:8200/",
                    "https://169.254.169.254/latest/meta-data",
                    "http://[::1]:8080/x",
                    "http://[::ffff:10.0.0.1]/x",
                    "http://[fd00::1]/x",
                    "http://0.0.0.0:8080/",
                    "http://100.64.0.1/",
                    "http://localhost:8026/slack/x"
                })
        void internalOnesAreRefused(String url) {
            assertThat(NOTHING_ALLOWED.refusal(url))
                    .as(url)
                    .hasValue("must not point at a private, internal or workspace address");
        }

        @Test
        void onlyHttpAndHttpsUrlsAreTaken() {
            assertThat(NOTHING_ALLOWED.refusal("ftp://hooks.example/x")).hasValue("must be an http or https URL");
            assertThat(NOTHING_ALLOWED.refusal("http:///no-host")).hasValue("must be an http or https URL");
            assertThat(NOTHING_ALLOWED.refusal("http://exa mple/")).hasValue("is not a URL");
        }

        @Test
        void aPublicAddressIsTaken() {
            assertThat(NOTHING_ALLOWED.refusal("https://8.8.8.8/services/T0/B0/x"))
                    .isEmpty();
        }
    }

    @Nested
    class TheAllowList {

        private final OutboundTargets receiverOnly = new OutboundTargets(List.of("127.0.0.1:8026"), Set.of());

        @Test
        void letsTheExactHostAndPortThrough() throws UnknownHostException {
            assertThat(receiverOnly.checkedAddresses("127.0.0.1", 8026))
                    .containsExactly(InetAddress.getByName("127.0.0.1"));
            assertThat(receiverOnly.refusal("http://127.0.0.1:8026/slack/x")).isEmpty();
        }

        @Test
        void letsNothingElseThrough() {
            assertThatThrownBy(() -> receiverOnly.checkedAddresses("127.0.0.1", 8027))
                    .isInstanceOf(OutboundTargets.RefusedTargetException.class);
            assertThatThrownBy(() -> receiverOnly.checkedAddresses("127.0.0.1", -1))
                    .isInstanceOf(OutboundTargets.RefusedTargetException.class);
            assertThat(receiverOnly.refusal("http://localhost:8026/slack/x"))
                    .as("by name: another name for the same address is not on the list")
                    .isPresent();
            assertThat(receiverOnly.refusal("http://127.0.0.1:8200/")).isPresent();
        }
    }

    @Nested
    class TheStacksOwnHosts {

        private final MockEnvironment environment = new MockEnvironment()
                .withProperty("workspace.public-url", "https://workspace.example.com")
                .withProperty("workspace.keycloak.url", "https://id.example.com")
                .withProperty("workspace.keycloak.internal-url", "http://keycloak:8180")
                .withProperty("workspace.vault.url", "http://[fd00::5]:8200")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/workspace")
                .withProperty("spring.mail.host", "SMTP.example.com");

        @Test
        void areReadFromTheConfiguration() {
            assertThat(OutboundTargets.stackHosts(environment))
                    .containsExactlyInAnyOrder(
                            "workspace.example.com",
                            "id.example.com",
                            "keycloak",
                            "fd00::5",
                            "db.internal",
                            "smtp.example.com");
            assertThat(OutboundTargets.hostOf("jdbc:h2:file:/state/engine/db/workspace;DB_CLOSE_ON_EXIT=FALSE"))
                    .as("a file database has no host")
                    .isEmpty();
        }

        @Test
        void areRefusedByNameBeforeAnyLookup() {
            OutboundTargets targets = new OutboundTargets(List.of(), OutboundTargets.stackHosts(environment));
            for (String url : List.of(
                    "https://workspace.example.com/api/alerts",
                    "https://ID.example.com/realms/x",
                    "http://db.internal:5432/",
                    "http://smtp.example.com:25/")) {
                assertThat(targets.refusal(url)).as(url).isPresent();
            }
        }

        @Test
        void areRefusedByAddressUnderAnotherName() {
            OutboundTargets targets = new OutboundTargets(List.of(), Set.of("8.8.8.8"));
            assertThat(targets.refusal("https://[::ffff:8.8.8.8]/hook")).isPresent();
            assertThat(targets.refusal("https://8.8.4.4/hook")).isEmpty();
        }
    }

    /** The Notifier's sends through the guard: refused ones never reach the (loopback) server. */
    @Nested
    class Sends {

        private static final int CALLS_PER_HOST = 12;

        private HttpServer server;
        /** The server's threads: calls to {@code /together} are held open side by side. */
        private final ExecutorService serverThreads = Executors.newCachedThreadPool();

        private final AtomicInteger requests = new AtomicInteger();
        /** Holds each call to {@code /together} until {@link #CALLS_PER_HOST} of them are open at once. */
        private final CountDownLatch together = new CountDownLatch(CALLS_PER_HOST);

        @BeforeEach
        void startServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                if (exchange.getRequestURI().getPath().startsWith("/together")) {
                    together.countDown();
                    exchange.sendResponseHeaders(allOpenAtOnce() ? 200 : 503, -1);
                    exchange.close();
                    return;
                }
                boolean redirect = exchange.getRequestURI().getPath().startsWith("/redirect");
                if (redirect) {
                    exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/landed");
                }
                exchange.sendResponseHeaders(redirect ? 302 : 200, -1);
                exchange.close();
            });
            server.setExecutor(serverThreads);
            server.start();
        }

        private boolean allOpenAtOnce() {
            try {
                return together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @AfterEach
        void stopServer() {
            server.stop(0);
            serverThreads.shutdownNow();
        }

        private int port() {
            return server.getAddress().getPort();
        }

        @Test
        void toALoopbackNameOrAddressFailWithoutConnecting() throws IOException {
            Notifier notifier = notifier(NOTHING_ALLOWED);
            for (String url : List.of(
                    "http://127.0.0.1:" + port() + "/hook",
                    "http://localhost:" + port() + "/hook",
                    "http://[::ffff:127.0.0.1]:" + port() + "/hook",
                    "http://10.0.0.1/hook",
                    "http://169.254.169.254/latest")) {
                assertThatThrownBy(() -> notifier.slack(url, message()))
                        .as(url)
                        .isInstanceOf(Notifier.NotificationFailedException.class)
                        .hasMessage("could not deliver");
            }
            notifier.close();
            assertThat(requests).as("nothing reached the server").hasValue(0);
        }

        @Test
        void toAnAllowedTargetArriveAndRedirectsAreNotFollowed() throws IOException {
            Notifier notifier = notifier(new OutboundTargets(List.of("127.0.0.1:" + port()), Set.of()));
            notifier.slack("http://127.0.0.1:" + port() + "/hook", message());
            assertThat(requests).hasValue(1);

            assertThatThrownBy(() -> notifier.slack("http://127.0.0.1:" + port() + "/redirect", message()))
                    .isInstanceOf(Notifier.NotificationFailedException.class)
                    .hasMessage("could not deliver");
            notifier.close();
            assertThat(requests).as("the redirect was not followed").hasValue(2);
        }

        /**
         * Every Slack webhook is on one host, and the job executor delivers up to twelve alerts at once: none
         * waits for another's connection. With the HTTP client's default of five per host, the first five
         * calls hold their connections until the server gives up on the other seven (tried).
         */
        @Test
        void asManyCallsToOneHostAsConfiguredAreOpenAtOnce() throws Exception {
            Notifier notifier = notifier(new OutboundTargets(List.of("127.0.0.1:" + port()), Set.of()));
            ExecutorService callers = Executors.newFixedThreadPool(CALLS_PER_HOST);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_HOST; i++) {
                    calls.add(callers.submit(
                            () -> notifier.slack("http://127.0.0.1:" + port() + "/together", message())));
                }
                for (Future<?> call : calls) {
                    call.get(30, TimeUnit.SECONDS); // a call the server answered 503 fails here
                }
            } finally {
                callers.shutdownNow();
                notifier.close();
            }
            assertThat(together.getCount()).isZero();
        }

        private Notifier notifier(OutboundTargets targets) {
            return new Notifier(
                    null, new NotifyProperties("test", "", List.of(), CALLS_PER_HOST), new ObjectMapper(), targets);
        }

        private Notification message() {
            return new Notification("subject", "text", List.of());
        }
    }
}
