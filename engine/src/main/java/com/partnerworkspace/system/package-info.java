/**
 * Cross-cutting web pieces every feature relies on: the one problem+json shape of errors
 * ({@link com.partnerworkspace.system.Problems}, generic errors mapped in {@code internal/}), serving the
 * UI and its routes ({@link com.partnerworkspace.system.UiRoutes}), the UI's runtime configuration, and
 * the start-up check that refuses demo secrets outside the local profile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "System",
        allowedDependencies = {"keycloak"})
package com.partnerworkspace.system;
