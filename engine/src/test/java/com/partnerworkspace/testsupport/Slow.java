package com.partnerworkspace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the outer tier: journeys in Chromium, a second engine JVM, an engine killed with kill -9,
 * fuzzing, servers restarted, and flows that walk a feature end to end through the real servers with MFA
 * step-ups (each waits for a fresh TOTP window). The fast tier proves the same web layer with slices
 * ({@link WebSlice}, {@link RepositorySlice}). {@code ./workspace test fast} leaves these out ({@code -DexcludedGroups=benchmark,slow}); the
 * full {@code ./workspace test} (README, {@code .ci/run}) runs them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("slow")
public @interface Slow {}
