/**
 * Partners as ops see and add them. "Add partner" ({@code POST /api/partners}) runs {@code partner-invitation}:
 * the Keycloak group {@code /partners/<id>} and the partner's user with its persona traits and setup actions
 * (password, one-time code), Keycloak's setup email, the persona's defaults, a welcome email; each step
 * audited and safe to run again. {@code GET /api/partners} lists every partner with its onboarding state
 * (invited, account set up, first Active connection), so the time to onboard can be measured. UI:
 * {@code ui/src/app/partners/}, route {@code /partners}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Partners",
        allowedDependencies = {"security", "system", "audit", "keycloak", "notify"})
package com.partnerworkspace.partners;
