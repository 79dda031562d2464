/**
 * Adapter to Keycloak: where the realm is, and the admin API as the engine's least-privilege service
 * account. Adapters depend on no feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Keycloak adapter",
        allowedDependencies = {})
package com.partnerworkspace.keycloak;
