/**
 * Self-service diagnostics of broker logins. The OAuth doctor ({@code POST /api/connections/{id}/diagnose},
 * {@code POST /api/diagnostics/oauth} for settings not saved yet) runs its checks concurrently, each a bean
 * with its own timeout ({@link com.partnerworkspace.diagnostics.internal.Check}), and answers each with
 * pass, warn, fail or skipped, the evidence, and the guide section that explains it. Runs are audited and
 * the last 20 per connection kept. What the partner registered at the broker (redirect URI, static
 * address) is kept per connection in this module's own table. Guides: {@code ui/public/guides/*.md}.
 * The Playwright smoke test ({@code /api/smoke-tests}) drives Chromium through a partner's real login with
 * the partner's synthetic user (password and TOTP seed in Vault), one run per partner at a time and one
 * browser per engine; its screenshots mask secret fields and its trace is scrubbed; a failed run raises an
 * alert.
 * UI: {@code ui/src/app/diagnostics/}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Diagnostics",
        allowedDependencies = {"security", "system", "audit", "broker", "credentials", "alerts", "keycloak", "vault"})
package com.partnerworkspace.diagnostics;
