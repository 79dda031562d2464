import { AuthConfig } from 'angular-oauth2-oidc';
import { UiConfig } from '../config/ui-config.api';

/** Builds the angular-oauth2-oidc configuration (authorization code flow + PKCE) from the runtime config. */
export function buildAuthConfig(config: UiConfig, origin: string): AuthConfig {
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    responseType: 'code',
    scope: 'openid profile email',
    redirectUri: origin + '/',
    postLogoutRedirectUri: origin + '/',
    requireHttps: config.requireHttps,
    showDebugInformation: false,
    clearHashAfterLogin: true,
    // Code flow: refresh with the refresh token instead of a hidden iframe.
    useSilentRefresh: false,
  };
}
