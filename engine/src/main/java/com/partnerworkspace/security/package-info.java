/**
 * Who is calling and what they may do: {@link com.partnerworkspace.security.WorkspaceUser} read from
 * Keycloak access tokens, and {@link com.partnerworkspace.security.PartnerAccess}, the one answer to
 * "may this user act for partner P" and "is this MFA fresh enough". {@code internal/} holds the web
 * security (deny by default, security headers), the Camunda webapps' single sign-on and the 401/403
 * problem responses.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"system", "keycloak"})
package com.partnerworkspace.security;
