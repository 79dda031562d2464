/**
 * Who is calling: Keycloak access tokens on the API, Keycloak single sign-on for the Camunda
 * webapps, and the mapping of realm roles and {@code /partners/<partner>} groups to what the rest
 * of the engine asks about ({@link com.partnerworkspace.security.WorkspaceUser}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.partnerworkspace.security;
