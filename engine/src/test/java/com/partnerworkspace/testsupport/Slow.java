package com.partnerworkspace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the outer tier: journeys in Chromium, a second engine JVM, an engine killed with kill -9,
 * fuzzing. {@code ./workspace test fast} leaves these out ({@code -DexcludedGroups=benchmark,slow}); the
 * full {@code ./workspace test} (README, {@code .ci/run}) runs them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("slow")
public @interface Slow {}
