/** Adapter to Keycloak: where the realm is, and the admin API as the engine's least-privilege service account. */
@org.springframework.modulith.ApplicationModule(displayName = "Keycloak adapter")
package com.partnerworkspace.keycloak;
