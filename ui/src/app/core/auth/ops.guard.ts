import { inject } from '@angular/core';
import { CanMatchFn } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { MeStore } from '../me/me.store';
import { AuthService } from './auth.service';

export const OPS_ROLE = 'ops';

/** Lets the route match only for users whose `/api/me` roles include `ops`. */
export const opsGuard: CanMatchFn = () => {
  if (!inject(AuthService).isLoggedIn()) {
    return false;
  }
  return inject(MeStore)
    .load()
    .pipe(
      map((me) => me.roles.includes(OPS_ROLE)),
      catchError(() => of(false)),
    );
};
