import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OAuthService } from 'angular-oauth2-oidc';
import { Observable, Subject, of, throwError } from 'rxjs';
import { UiConfig, UiConfigApi } from '../config/ui-config.api';
import { AuthService, SERVER_UNREACHABLE, SIGN_IN_UNREACHABLE } from './auth.service';

function fakeOAuth(loggedIn: boolean) {
  return {
    events: new Subject<unknown>(),
    state: '',
    configure: vi.fn(),
    loadDiscoveryDocument: vi.fn(() => Promise.resolve({})),
    tryLogin: vi.fn(() => Promise.resolve(true)),
    hasValidAccessToken: vi.fn(() => loggedIn),
    getRefreshToken: vi.fn(() => null),
    getIdentityClaims: vi.fn(() =>
      loggedIn ? { name: 'Nikhil Sharma', preferred_username: 'nikhil' } : null,
    ),
    getAccessToken: vi.fn(() => 'token'),
    setupAutomaticSilentRefresh: vi.fn(),
    initCodeFlow: vi.fn(),
    logOut: vi.fn(),
  };
}

/** What the engine sends for the local stack: a loopback issuer over plain http. */
const LOCAL_CONFIG: UiConfig = {
  issuer: 'http://localhost:8180/realms/pw',
  clientId: 'workspace-ui',
  requireHttps: false,
};

function setup(
  oauth: ReturnType<typeof fakeOAuth>,
  config: Observable<UiConfig> = of(LOCAL_CONFIG),
) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: OAuthService, useValue: oauth },
      { provide: UiConfigApi, useValue: { load: () => config } },
    ],
  });
  return TestBed.inject(AuthService);
}

describe('AuthService', () => {
  it('configures the code flow from /api/ui-config and starts the refresh', async () => {
    const oauth = fakeOAuth(true);
    const auth = setup(oauth);
    await auth.initialize();

    expect(oauth.configure).toHaveBeenCalledWith(
      expect.objectContaining({
        issuer: 'http://localhost:8180/realms/pw',
        clientId: 'workspace-ui',
        responseType: 'code',
        scope: 'openid profile email',
        redirectUri: window.location.origin + '/',
        postLogoutRedirectUri: window.location.origin + '/',
        requireHttps: false,
        useSilentRefresh: false,
      }),
    );
    expect(oauth.setupAutomaticSilentRefresh).toHaveBeenCalled();
    expect(auth.status()).toBe('ready');
    expect(auth.isLoggedIn()).toBe(true);
    expect(auth.claimsDisplayName()).toBe('Nikhil Sharma');
    expect(auth.accessToken()).toBe('token');
  });

  it('requires https when /api/ui-config says so', async () => {
    const oauth = fakeOAuth(true);
    const auth = setup(
      oauth,
      of({
        issuer: 'https://sso.example.com/realms/pw',
        clientId: 'workspace-ui',
        requireHttps: true,
      }),
    );
    await auth.initialize();

    expect(oauth.configure).toHaveBeenCalledWith(
      expect.objectContaining({ issuer: 'https://sso.example.com/realms/pw', requireHttps: true }),
    );
  });

  it('stays on the landing page without a session and logs in with the code flow', async () => {
    const oauth = fakeOAuth(false);
    const auth = setup(oauth);
    await auth.initialize();
    expect(auth.isLoggedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(oauth.setupAutomaticSilentRefresh).not.toHaveBeenCalled();
    auth.login();
    expect(oauth.initCodeFlow).toHaveBeenCalledTimes(1);
  });

  it('steps up to MFA with a fresh login and comes back to the given path', async () => {
    const oauth = fakeOAuth(true);
    const auth = setup(oauth);
    await auth.initialize();
    auth.stepUp('/delegations');
    expect(oauth.initCodeFlow).toHaveBeenCalledWith('/delegations', {
      acr_values: 'mfa',
      max_age: '0',
    });
  });

  it('keeps the fragment of the opened path across the login, outside the OAuth state', async () => {
    window.history.replaceState(null, '', '/delegations/bot-secret#one-time-token');
    try {
      const oauth = fakeOAuth(false);
      const auth = setup(oauth);
      await auth.initialize();
      auth.login();
      // The state travels in URLs (Keycloak, the redirect back): only the path goes there.
      expect(oauth.initCodeFlow).toHaveBeenCalledWith('/delegations/bot-secret');
      expect(sessionStorage.getItem('pw.login-target-fragment')).toContain('#one-time-token');

      // Back from Keycloak on the redirect URI, with the path in the state.
      window.history.replaceState(null, '', '/');
      TestBed.resetTestingModule();
      const back = fakeOAuth(true);
      back.state = encodeURIComponent('/delegations/bot-secret');
      await setup(back).initialize();
      expect(window.location.pathname).toBe('/delegations/bot-secret');
      expect(window.location.hash).toBe('#one-time-token');
      expect(sessionStorage.getItem('pw.login-target-fragment')).toBeNull();
    } finally {
      sessionStorage.removeItem('pw.login-target-fragment');
      window.history.replaceState(null, '', '/');
    }
  });

  it('does not put a saved fragment on another path', async () => {
    sessionStorage.setItem(
      'pw.login-target-fragment',
      JSON.stringify({ path: '/delegations/bot-secret', fragment: '#stale' }),
    );
    const oauth = fakeOAuth(true);
    oauth.state = encodeURIComponent('/inbox');
    try {
      await setup(oauth).initialize();
      expect(window.location.pathname).toBe('/inbox');
      expect(window.location.hash).toBe('');
      expect(sessionStorage.getItem('pw.login-target-fragment')).toBeNull();
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  it('still restores a target whose fragment is in the state', async () => {
    const oauth = fakeOAuth(true);
    oauth.state = encodeURIComponent('/delegations/bot-secret#one-time-token');
    const auth = setup(oauth);
    try {
      await auth.initialize();
      expect(window.location.pathname).toBe('/delegations/bot-secret');
      expect(window.location.hash).toBe('#one-time-token');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  it('reports an unreachable workspace server', async () => {
    const oauth = fakeOAuth(false);
    const auth = setup(
      oauth,
      throwError(() => new Error('offline')),
    );
    await auth.initialize();
    expect(auth.status()).toBe('error');
    expect(auth.error()).toBe(SERVER_UNREACHABLE);
    expect(oauth.configure).not.toHaveBeenCalled();
  });

  it('reports an unreachable sign-in server', async () => {
    const oauth = fakeOAuth(false);
    oauth.loadDiscoveryDocument.mockImplementation(() => Promise.reject(new Error('down')));
    const auth = setup(oauth);
    await auth.initialize();
    expect(auth.error()).toBe(SIGN_IN_UNREACHABLE);
  });
});
