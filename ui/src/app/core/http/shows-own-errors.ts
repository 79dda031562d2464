import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a request whose errors the calling page shows itself (next to the form or in an alert),
 * so the interceptor does not show them a second time in a snackbar. A 401 still starts a login.
 */
export const SHOWS_OWN_ERRORS = new HttpContextToken<boolean>(() => false);

/** Request context for calls whose errors the caller shows itself. */
export function showsOwnErrors(): HttpContext {
  return new HttpContext().set(SHOWS_OWN_ERRORS, true);
}
