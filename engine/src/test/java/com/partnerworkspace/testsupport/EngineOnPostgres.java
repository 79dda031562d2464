package com.partnerworkspace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole engine on the run's real PostgreSQL, on a random port, in a context of its own (a second
 * Camunda engine in the JVM, closed after the class). Such classes also carry
 * {@code @Order(Integer.MAX_VALUE)}: see {@code EngineOnPostgresTest} for why they run last.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RealServersExtension.class)
@RealServersExtension.Needs({
    RealServersExtension.Server.POSTGRES,
    RealServersExtension.Server.KEYCLOAK,
    RealServersExtension.Server.OPENBAO
})
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "workspace.state-dir=${user.dir}/target/test-state-postgres",
            "camunda.bpm.generate-unique-process-engine-name=true"
        })
@Import({RealServersProperties.class, PostgresProperties.class})
@ActiveProfiles("local")
@DirtiesContext
public @interface EngineOnPostgres {}
