package com.partnerworkspace.security.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The engine's real web security for {@code testsupport.WebSlice} (whose package cannot name the
 * package-private {@link SecurityConfig}): both filter chains, the problem+json 401/403 and the JWT
 * resource server as configured, so a slice proves the access rules its controller relies on.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class SliceSecurity {}
