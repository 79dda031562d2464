/**
 * Delegated access: a partner grants a teammate or a new bot a limited scope for a limited time. Each
 * request runs the {@code delegation-approval} process (policy from the {@code delegation-policy} DMN,
 * MFA confirmation, approvals from the inbox, the grant applied in Keycloak, expiry and revocation);
 * this module owns the requests' records, the thin process steps, the inbox forms of its tasks and the
 * live check behind {@link com.partnerworkspace.security.DelegatedScopes}. A delegation of credentials
 * scopes may be limited to one broker connection; it counts only for that connection and ends when the
 * connection is revoked ({@link com.partnerworkspace.credentials.ConnectionRevoked}).
 * UI: {@code ui/src/app/delegations/}, route {@code /delegations}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Delegated access",
        allowedDependencies = {
            "security",
            "system",
            "audit",
            "inbox",
            "keycloak",
            "vault",
            "notify",
            "alerts",
            "credentials"
        })
package com.partnerworkspace.delegations;
