import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { OAuthService } from 'angular-oauth2-oidc';
import { firstValueFrom, timeout } from 'rxjs';
import { UiConfigApi } from '../config/ui-config.api';
import { buildAuthConfig } from './auth-config';

export type AuthStatus = 'initializing' | 'ready' | 'error';

/** The subset of ID token claims the UI reads. */
export interface IdentityClaims {
  readonly sub?: string;
  readonly name?: string;
  readonly preferred_username?: string;
  readonly email?: string;
}

export const SERVER_UNREACHABLE = 'Cannot reach the workspace server';
export const SIGN_IN_UNREACHABLE = 'Cannot reach the sign-in server';
export const LOGIN_FAILED = 'The login could not be completed';

const CONFIG_TIMEOUT_MS = 10_000;
const DISCOVERY_TIMEOUT_MS = 15_000;
/** Guards against a redirect loop when the server keeps answering 401 right after a login. */
const RELOGIN_GUARD_KEY = 'pw.relogin-at';
const RELOGIN_GUARD_MS = 30_000;
/**
 * The fragment of the login's target path, kept in this tab across the redirect to Keycloak
 * instead of in the OAuth `state` (which travels in URLs, so it could end up in server logs;
 * the fragment may be a one-time token, e.g. of a bot secret link).
 */
const TARGET_FRAGMENT_KEY = 'pw.login-target-fragment';

interface SavedFragment {
  readonly path: string;
  readonly fragment: string;
}

/**
 * Owns the OIDC session (angular-oauth2-oidc, code flow + PKCE, tokens in sessionStorage)
 * and exposes it as signals.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly oauth = inject(OAuthService);
  private readonly configApi = inject(UiConfigApi);
  private readonly router = inject(Router);

  private readonly _status = signal<AuthStatus>('initializing');
  private readonly _error = signal<string | null>(null);
  private readonly _loggedIn = signal(false);
  private readonly _claims = signal<IdentityClaims | null>(null);
  /**
   * The path the visitor opened, before the router redirected anything (restored after login).
   * Keeps the fragment (e.g. the one-time token of a bot secret link) but not the query, which
   * carries the authorization code when coming back from the login.
   */
  private entryPath = '/';

  readonly status = this._status.asReadonly();
  /** Message for the landing page when the servers cannot be reached or the login failed. */
  readonly error = this._error.asReadonly();
  readonly isLoggedIn = this._loggedIn.asReadonly();
  readonly claims = this._claims.asReadonly();
  /** Display name from the ID token; used until `/api/me` has answered. */
  readonly claimsDisplayName = computed(() => {
    const claims = this._claims();
    return claims?.name || claims?.preferred_username || '';
  });

  /** Runs once at startup (provideAppInitializer). Never rejects: failures end in status `error`. */
  async initialize(): Promise<void> {
    this.entryPath = window.location.pathname + window.location.hash;
    let config;
    try {
      config = await firstValueFrom(this.configApi.load().pipe(timeout(CONFIG_TIMEOUT_MS)));
    } catch {
      this.fail(SERVER_UNREACHABLE);
      return;
    }

    this.oauth.configure(buildAuthConfig(config, window.location.origin));
    this.oauth.events.subscribe(() => this.sync());

    try {
      await withTimeout(this.oauth.loadDiscoveryDocument(), DISCOVERY_TIMEOUT_MS);
    } catch {
      this.fail(SIGN_IN_UNREACHABLE);
      return;
    }

    try {
      await this.oauth.tryLogin();
    } catch {
      this._error.set(LOGIN_FAILED);
    }

    if (!this.oauth.hasValidAccessToken() && this.oauth.getRefreshToken()) {
      // Reload after the access token expired: try the refresh token once.
      try {
        await this.oauth.refreshToken();
      } catch {
        // Fall back to the landing page.
      }
    }

    if (this.oauth.hasValidAccessToken()) {
      this.oauth.setupAutomaticSilentRefresh();
      this.restoreTargetUrl();
    }
    this.sync();
    this._status.set('ready');
  }

  /** Starts the authorization code flow; comes back to the current route (or the opened path) after login. */
  login(): void {
    if (this._status() !== 'ready') {
      return;
    }
    this.oauth.initCodeFlow(
      this.withoutFragment(this._loggedIn() ? this.router.url : this.entryPath),
    );
  }

  /**
   * Step-up: a new code flow that asks Keycloak for the MFA level (`acr_values=mfa`) with a fresh
   * authentication (`max_age=0`), so the user enters the one-time code again. Comes back to
   * `returnPath` (a path inside the app).
   */
  stepUp(returnPath: string): void {
    if (this._status() !== 'ready') {
      return;
    }
    this.oauth.initCodeFlow(this.withoutFragment(returnPath), { acr_values: 'mfa', max_age: '0' });
  }

  /**
   * Called when the server answers 401: start a new login, unless one was just started
   * (then the token is simply not accepted, and a login would loop).
   */
  loginAfterUnauthorized(): boolean {
    const last = Number(sessionStorage.getItem(RELOGIN_GUARD_KEY) ?? 0);
    if (Date.now() - last < RELOGIN_GUARD_MS) {
      return false;
    }
    sessionStorage.setItem(RELOGIN_GUARD_KEY, String(Date.now()));
    this.login();
    return true;
  }

  /** Ends the Keycloak session (end_session endpoint with id_token_hint), back to `/`. */
  logout(): void {
    this.oauth.logOut();
  }

  accessToken(): string | null {
    return this._loggedIn() ? this.oauth.getAccessToken() : null;
  }

  private sync(): void {
    this._loggedIn.set(this.oauth.hasValidAccessToken());
    this._claims.set((this.oauth.getIdentityClaims() as IdentityClaims | null) ?? null);
  }

  private fail(message: string): void {
    this._error.set(message);
    this._loggedIn.set(false);
    this._status.set('error');
  }

  /**
   * The route saved in the OAuth `state` at login (plus its fragment, saved in this tab);
   * applied before the router's first navigation.
   */
  private restoreTargetUrl(): void {
    const target = this.oauth.state ? decodeURIComponent(this.oauth.state) : '';
    const fragment = takeSavedFragment(target);
    if (target.startsWith('/') && !target.startsWith('//') && (target !== '/' || fragment)) {
      window.history.replaceState(null, '', target + fragment);
    }
  }

  /** Keeps the fragment of a login target in sessionStorage and returns the target without it. */
  private withoutFragment(target: string): string {
    const index = target.indexOf('#');
    if (index < 0) {
      sessionStorage.removeItem(TARGET_FRAGMENT_KEY);
      return target;
    }
    const path = target.slice(0, index);
    const saved: SavedFragment = { path, fragment: target.slice(index) };
    sessionStorage.setItem(TARGET_FRAGMENT_KEY, JSON.stringify(saved));
    return path;
  }
}

/** The fragment saved for this login target (once; it is removed), or ''. */
function takeSavedFragment(target: string): string {
  const raw = sessionStorage.getItem(TARGET_FRAGMENT_KEY);
  if (raw === null) {
    return '';
  }
  sessionStorage.removeItem(TARGET_FRAGMENT_KEY);
  try {
    const saved = JSON.parse(raw) as Partial<SavedFragment>;
    return saved.path === target && typeof saved.fragment === 'string' ? saved.fragment : '';
  } catch {
    return '';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
