package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.credentials.ConnectionCredentials;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The doctor's checks one by one, on paths the API tests cannot reach without waiting for real time: an
 * expiring or expired session (the moment of the run is the subject's), a daily cut-off, a broker that does
 * not answer, a check that hangs, and scopes missing from a token.
 */
@EngineTest
class DoctorChecksTest {

    @Autowired
    TokenStateCheck tokenState;

    @Autowired
    ConnectionCredentials.Source connections;

    @Autowired
    BrokerCatalogue brokers;

    @Test
    void tokenStateIsValidExpiringOrExpiredAtTheMomentOfTheRun() {
        String id = Connections.connectedOk(
                        "nitin", "Token state " + Instant.now().toEpochMilli())
                .get("id")
                .asText();
        ConnectionCredentials active =
                connections.withSecrets(connections.find(id).orElseThrow());
        Instant endsAt = active.tokens().sessionExpiresAt();

        Outcome valid = tokenState.run(subject(active, Instant.now()));
        assertThat(valid.status()).isEqualTo(Status.PASS);
        assertThat(valid.evidence()).contains("valid until").contains("the broker accepts its token");

        Outcome expiring = tokenState.run(subject(as(active, "EXPIRING"), endsAt.minus(Duration.ofMinutes(2))));
        assertThat(expiring.status()).isEqualTo(Status.WARN);
        assertThat(expiring.fix().action()).isEqualTo("rotate");

        Outcome expired = tokenState.run(subject(as(active, "EXPIRED"), endsAt.plus(Duration.ofMinutes(3))));
        assertThat(expired.status()).isEqualTo(Status.FAIL);
        assertThat(expired.evidence()).contains("The session ended at").contains("3 min 0 s ago");
        assertThat(expired.guide()).isEqualTo(GuideSections.TOKEN_RECONNECT);
        assertThat(expired.fix().action()).isEqualTo("reconnect");

        ConnectionCredentials never = new ConnectionCredentials(
                id,
                "nitin",
                "x",
                active.broker(),
                "KEYS_REJECTED",
                active.keys(),
                null,
                null,
                "keys-rejected",
                "refused");
        Outcome notConnected = tokenState.run(subject(never, Instant.now()));
        assertThat(notConnected.status()).isEqualTo(Status.FAIL);
        assertThat(notConnected.evidence()).startsWith("Never connected").contains("Last failure: refused");
        assertThat(notConnected.guide()).isEqualTo(GuideSections.NEVER_CONNECTED);
    }

    @Test
    void aSessionEndedAtTheBrokerBeforeItsTimeIsNamedRevokedOrLoggedOutThere() {
        String id = Connections.connectedOk(
                        "nitin", "Ended at broker " + Instant.now().toEpochMilli())
                .get("id")
                .asText();
        ConnectionCredentials active =
                connections.withSecrets(connections.find(id).orElseThrow());
        // The session ends at the broker (RFC 7009 revocation there), not through the workspace.
        brokers.adapterFor(active.broker()).revoke(active.broker(), active.keys(), active.tokens());

        Outcome ended = tokenState.run(subject(active, Instant.now()));
        assertThat(ended.status()).isEqualTo(Status.FAIL);
        assertThat(ended.evidence())
                .contains("no longer accepts the access token")
                .contains("revoked or logged out");
        assertThat(ended.fix().action()).isEqualTo("reconnect");
    }

    @Test
    void aSessionEndedAtTheDailyCutOffSaysSoAndCountsDownToTheNext() {
        Broker kite = brokers.find("kite").orElseThrow();
        // Kite: 06:00 IST is 00:30 UTC.
        Instant cutOff = Instant.parse("2026-03-02T00:30:00Z");
        Tokens tokens = new Tokens("t", null, cutOff.minus(Duration.ofHours(15)), cutOff, cutOff);
        ConnectionCredentials connection = new ConnectionCredentials(
                "c", "nitin", "Kite", kite, "EXPIRED", new Keys("kitekey1", "s"), tokens, cutOff, null, null);
        Outcome outcome = tokenState.run(new Subject(
                kite,
                brokers.adapterFor(kite),
                connection.keys(),
                URI.create("http://localhost:18080/api/brokers/callback"),
                null,
                null,
                connection,
                cutOff.plus(Duration.ofHours(3))));
        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.guide()).isEqualTo(GuideSections.DAILY_CUT_OFF);
        assertThat(outcome.evidence())
                .contains("daily cut-off (06:00 Asia/Kolkata)")
                .contains("the next daily cut-off is at 2026-03-03T00:30:00Z (in 21 h 0 min)");

        DailyCutOff ist = new DailyCutOff(LocalTime.of(6, 0), ZoneId.of("Asia/Kolkata"));
        assertThat(ist.isCutOff(cutOff.plusSeconds(30))).isTrue();
        assertThat(ist.isCutOff(cutOff.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void aBrokerThatDoesNotAnswerFailsReachabilityAndItsOtherChecksStepAside() {
        URI nowhere = URI.create("http://127.0.0.1:9/realms/none");
        Broker down = new Broker("down", "Down", "oauth2", nowhere, nowhere, null, null, null, null);
        Subject subject = new Subject(
                down,
                brokers.adapterFor(brokers.find("broker-sim").orElseThrow()),
                new Keys("client-id", "secret"),
                URI.create("http://localhost:18080/api/brokers/callback"),
                null,
                null,
                null,
                Instant.now());
        BrokerProbe probe = new BrokerProbe();

        Outcome reach = new ReachabilityCheck(probe).run(subject);
        assertThat(reach.status()).isEqualTo(Status.FAIL);
        assertThat(reach.evidence()).contains("discovery (127.0.0.1): no answer");
        assertThat(reach.guide()).isEqualTo(GuideSections.UNREACHABLE);
        assertThat(new ClientCredentialsCheck(probe).run(subject).status()).isEqualTo(Status.SKIPPED);
        assertThat(new ClockOffsetCheck(probe, java.time.Clock.systemUTC())
                        .run(subject)
                        .status())
                .isEqualTo(Status.SKIPPED);
        assertThat(new RedirectUriCheck().run(subject).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void reachabilityWarnsOnPlainHttpToARemoteHostAndOnSlowAnswersAndFailsOnTls() {
        URI remote = URI.create("http://broker.example.com/token");
        URI local = URI.create("http://localhost:8180/token");
        BrokerProbe.Answer quick =
                new BrokerProbe.Answer(200, "", Optional.empty(), Duration.ofMillis(20), Optional.empty());
        BrokerProbe.Answer slow =
                new BrokerProbe.Answer(200, "", Optional.empty(), Duration.ofMillis(2500), Optional.of("TLSv1.3"));

        Outcome plain = ReachabilityCheck.judge(List.of(new ReachabilityCheck.Reached("token", remote, quick, null)));
        assertThat(plain.status()).isEqualTo(Status.WARN);
        assertThat(plain.guide()).isEqualTo(GuideSections.TLS);
        assertThat(ReachabilityCheck.judge(List.of(new ReachabilityCheck.Reached("token", local, quick, null)))
                        .status())
                .as("plain HTTP on this machine")
                .isEqualTo(Status.PASS);
        Outcome slowly = ReachabilityCheck.judge(
                List.of(new ReachabilityCheck.Reached("token", URI.create("https://broker.example.com"), slow, null)));
        assertThat(slowly.status()).isEqualTo(Status.WARN);
        assertThat(slowly.guide()).isEqualTo(GuideSections.SLOW);
        Outcome tls = ReachabilityCheck.judge(List.of(new ReachabilityCheck.Reached(
                "token",
                URI.create("https://broker.example.com"),
                null,
                new javax.net.ssl.SSLHandshakeException("x"))));
        assertThat(tls.status()).isEqualTo(Status.FAIL);
        assertThat(tls.evidence()).contains("TLS failed");
    }

    @Test
    void aCheckThatHangsIsReportedAsNotFinishedWithoutHoldingUpTheRun() {
        Check hangs = new Check() {
            public String id() {
                return "hangs";
            }

            public String title() {
                return "Hangs";
            }

            public Duration timeout() {
                return Duration.ofMillis(300);
            }

            public String guide() {
                return GuideSections.SLOW;
            }

            public Outcome run(Subject subject) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.pass("never", GuideSections.SLOW);
            }
        };
        Check throwsUp = new Check() {
            public String id() {
                return "throws";
            }

            public String title() {
                return "Throws";
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            public String guide() {
                return GuideSections.SLOW;
            }

            public Outcome run(Subject subject) {
                throw new IllegalStateException("broken with the-secret-value inside");
            }
        };
        Doctor doctor = new Doctor(List.of(hangs, throwsUp), java.time.Clock.systemUTC());
        Broker sim = brokers.find("broker-sim").orElseThrow();
        Diagnosis diagnosis = doctor.examine(new Subject(
                sim,
                brokers.adapterFor(sim),
                new Keys("client-id", "the-secret-value"),
                URI.create("http://localhost:18080/api/brokers/callback"),
                null,
                null,
                null,
                Instant.now()));
        assertThat(diagnosis.durationMs()).isLessThan(1500);
        assertThat(diagnosis.checks().get(0).status()).isEqualTo(Status.WARN);
        assertThat(diagnosis.checks().get(0).evidence()).contains("did not finish within");
        assertThat(diagnosis.checks().get(1).evidence())
                .contains("could not run")
                .doesNotContain("the-secret-value");
        doctor.stop();
    }

    @Test
    void scopesMissingFromTheTokenFailAndAnOpaqueTokenIsSkipped() {
        Outcome missing = ScopesCheck.judge(Set.of("openid", "orders"), Optional.of(Set.of("openid", "profile")));
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.evidence()).contains("Missing: orders");
        assertThat(missing.guide()).isEqualTo(GuideSections.SCOPES);
        assertThat(missing.fix().action()).isEqualTo("reconnect");
        assertThat(ScopesCheck.judge(Set.of("openid"), Optional.of(Set.of("openid", "email")))
                        .status())
                .isEqualTo(Status.PASS);
        assertThat(ScopesCheck.judge(Set.of("openid"), ScopesCheck.granted("opaque-token"))
                        .status())
                .isEqualTo(Status.SKIPPED);
    }

    @Test
    void clockOffsetToleratesSecondsWarnsFromFiveAndFailsFromThirty() {
        Instant here = Instant.parse("2026-03-02T10:00:00Z");
        String date = "Mon, 02 Mar 2026 10:00:00 GMT";
        assertThat(ClockOffsetCheck.judge(Duration.ofSeconds(2), date, here).status())
                .isEqualTo(Status.PASS);
        assertThat(ClockOffsetCheck.judge(Duration.ofSeconds(-7), date, here).status())
                .isEqualTo(Status.WARN);
        Outcome far = ClockOffsetCheck.judge(Duration.ofSeconds(95), date, here);
        assertThat(far.status()).isEqualTo(Status.FAIL);
        assertThat(far.evidence()).contains("1 min 35 s ahead of this server's");
    }

    private Subject subject(ConnectionCredentials connection, Instant now) {
        return new Subject(
                connection.broker(),
                brokers.adapterFor(connection.broker()),
                connection.keys(),
                URI.create("http://localhost:18080/api/brokers/callback"),
                null,
                null,
                connection,
                now);
    }

    private static ConnectionCredentials as(ConnectionCredentials c, String state) {
        return new ConnectionCredentials(
                c.id(),
                c.partner(),
                c.label(),
                c.broker(),
                state,
                c.keys(),
                c.tokens(),
                c.expiresAt(),
                c.failure(),
                c.failureDetail());
    }
}
