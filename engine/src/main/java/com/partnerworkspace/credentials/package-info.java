/**
 * Broker connections and their credentials (in Vault). For now the status list that delegates holding
 * {@code credentials:view-status} may read; onboarding, rotation, revocation, reveal and share follow.
 * UI: {@code ui/src/app/credentials/}, route {@code /credentials}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Broker connections",
        allowedDependencies = {"security", "system"})
package com.partnerworkspace.credentials;
