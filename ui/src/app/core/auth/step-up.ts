import { Injectable, inject } from '@angular/core';
import { hasProblemType } from '../http/problem';
import { AuthService } from './auth.service';

/** The problem type of a refusal that asks for a fresh MFA login. */
export const STEP_UP_REQUIRED = 'mfa-step-up-required';

/**
 * Actions that need a fresh MFA login (reveal, share, confirming a delegation) step up the same
 * way. When the engine answers 403 `mfa-step-up-required`, the page remembers what the user asked
 * for in this tab (sessionStorage, under the page's own key) and goes to the login, which comes
 * back to a return path. Back on the page, what was remembered is taken once and the action is
 * sent again without stepping up, so neither a crafted link nor a second refusal loops.
 */
@Injectable({ providedIn: 'root' })
export class StepUp {
  private readonly auth = inject(AuthService);

  /**
   * When the refusal asks for a fresh MFA login: remembers `pending` under `key`, goes to the
   * login (coming back to `returnPath`) and answers true. Otherwise answers false.
   */
  startIfRequired(error: unknown, key: string, pending: unknown, returnPath: string): boolean {
    if (!hasProblemType(error, STEP_UP_REQUIRED)) {
      return false;
    }
    sessionStorage.setItem(key, JSON.stringify(pending));
    this.auth.stepUp(returnPath);
    return true;
  }

  /** What waited for the login under `key` (once: it is forgotten), or null. */
  take(key: string): unknown {
    const raw = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    if (raw === null) {
      return null;
    }
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
}
