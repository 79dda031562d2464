package com.partnerworkspace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole engine on a fixed port (the realm's redirect URIs know {@value #PORT}), H2 in a test state
 * folder, wired to the real Keycloak and OpenBao, in the {@code local} profile (demo secrets allowed). One Spring context shared by every class that uses it.
 * Its clock is a {@link TestClock}: a test that needs time to pass moves it instead of sleeping.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({RealServersExtension.class, TestClock.ResetAfterEach.class})
@RealServersExtension.Needs({RealServersExtension.Server.KEYCLOAK, RealServersExtension.Server.OPENBAO})
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "server.port=" + EngineTest.PORT,
            "workspace.state-dir=${user.dir}/target/test-state",
            // Delivery retries in seconds, not minutes, so fallback paths finish within a test.
            "workspace.alerts.delivery-retry-cycle=PT1S,PT1S,PT1S,PT2S,PT2S,PT3S,PT5S,PT5S,PT10S",
            // Escalation within a test: partners may set delays of seconds.
            "workspace.alerts.shortest-escalation-delay=PT5S",
            // Every verification of the audit trail walks the chain, so a change made by a test is found at once.
            "workspace.audit.verification-reuse=PT0S"
        })
@Import({RealServersProperties.class, TestClock.Configuration.class})
@ActiveProfiles("local")
public @interface EngineTest {

    int PORT = 18080;
    String BASE_URL = "http://localhost:" + PORT;
}
