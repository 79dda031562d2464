import { UiConfig } from '../config/ui-config.api';
import { buildAuthConfig } from './auth-config';

const ORIGIN = 'https://workspace.example.com';

function config(requireHttps: boolean): UiConfig {
  return { issuer: 'https://sso.example.com/realms/pw', clientId: 'workspace-ui', requireHttps };
}

describe('buildAuthConfig', () => {
  it('configures the authorization code flow for this origin', () => {
    const auth = buildAuthConfig(config(true), ORIGIN);
    expect(auth).toEqual(
      expect.objectContaining({
        issuer: 'https://sso.example.com/realms/pw',
        clientId: 'workspace-ui',
        responseType: 'code',
        scope: 'openid profile email',
        redirectUri: ORIGIN + '/',
        postLogoutRedirectUri: ORIGIN + '/',
        useSilentRefresh: false,
      }),
    );
  });

  it('requires https when the runtime config says so', () => {
    expect(buildAuthConfig(config(true), ORIGIN).requireHttps).toBe(true);
  });

  it('allows plain http only when the runtime config says so (loopback issuer)', () => {
    expect(buildAuthConfig(config(false), ORIGIN).requireHttps).toBe(false);
  });
});
