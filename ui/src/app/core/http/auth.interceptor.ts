import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { UI_CONFIG_URL } from '../config/ui-config.api';
import { ApiErrorHandler } from './api-error-handler';
import { SHOWS_OWN_ERRORS } from './shows-own-errors';

/**
 * Public engine APIs under `/api/`: the share links a recipient opens without login and the
 * acknowledgement links of alert messages.
 */
const PUBLIC_API_PREFIXES: readonly string[] = ['/api/shares/', '/api/alert-links/'];

/**
 * True for calls to the engine's API that need the user's token (all of `/api/` but the public
 * config and the public links, which must never send a token or start a login).
 */
export function isProtectedApiUrl(url: string): boolean {
  if (!url.startsWith('/api/')) {
    return false;
  }
  const path = url.split(/[?#]/, 1)[0];
  return path !== UI_CONFIG_URL && !PUBLIC_API_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Adds `Authorization: Bearer <access token>` to engine API calls and handles their errors:
 * 401 starts a new login, anything else is shown in a snackbar (problem `detail`), unless the
 * request is marked with {@link SHOWS_OWN_ERRORS}.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isProtectedApiUrl(req.url)) {
    return next(req);
  }
  const auth = inject(AuthService);
  const errors = inject(ApiErrorHandler);

  const token = auth.accessToken();
  const request = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        auth.loginAfterUnauthorized()
      ) {
        return throwError(() => error);
      }
      if (!req.context.get(SHOWS_OWN_ERRORS)) {
        errors.handle(error);
      }
      return throwError(() => error);
    }),
  );
};
