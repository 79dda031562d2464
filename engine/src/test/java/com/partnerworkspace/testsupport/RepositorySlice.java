package com.partnerworkspace.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A {@code @JdbcTest} of one repository against the real schema ({@code schema.sql}) on embedded H2, with
 * {@code JdbcClient}, transactions, Jackson and a {@link SliceClock} the test moves; no engine, no
 * servers. Each test runs in a transaction rolled back at its end. Import the repository (and mock what it
 * calls beyond the database):
 *
 * <pre>
 * &#64;RepositorySlice
 * &#64;Import(AlertRepository.class)
 * class AlertRepositoryTest { &#64;Autowired AlertRepository alerts; ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JdbcTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import(SliceClock.class)
// The local profile's demo settings: outside it the engine refuses to start without real secrets.
@ActiveProfiles("local")
public @interface RepositorySlice {}
