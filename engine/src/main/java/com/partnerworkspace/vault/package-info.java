/**
 * Adapter to Vault/OpenBao through the Vault Java driver: AppRole login, token renewal, partner-scoped
 * KV v2 secrets with versions, and a health indicator. Secret values never leave this package as log
 * lines or exception messages. Adapters depend on no feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Vault adapter",
        allowedDependencies = {})
package com.partnerworkspace.vault;
