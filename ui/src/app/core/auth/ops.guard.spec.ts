import { TestBed } from '@angular/core/testing';
import { Route, UrlSegment } from '@angular/router';
import { Observable, firstValueFrom, isObservable, of, throwError } from 'rxjs';
import { Me } from '../me/me.api';
import { MeStore } from '../me/me.store';
import { AuthService } from './auth.service';
import { opsGuard } from './ops.guard';

function me(roles: string[]): Me {
  return {
    username: 'u',
    displayName: 'U',
    partner: null,
    roles,
    acr: null,
    authTime: null,
    delegations: [],
  };
}

async function runGuard(loggedIn: boolean, load: () => Observable<Me>): Promise<boolean> {
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthService, useValue: { isLoggedIn: () => loggedIn } },
      { provide: MeStore, useValue: { load } },
    ],
  });
  const result = TestBed.runInInjectionContext(() =>
    opsGuard({ path: 'models' } as Route, [] as UrlSegment[]),
  );
  return isObservable(result) ? firstValueFrom(result as Observable<boolean>) : (result as boolean);
}

describe('opsGuard', () => {
  it('matches for the ops role', async () => {
    expect(await runGuard(true, () => of(me(['ops'])))).toBe(true);
  });

  it('does not match for a partner', async () => {
    expect(await runGuard(true, () => of(me(['partner'])))).toBe(false);
  });

  it('does not match when /api/me fails', async () => {
    expect(await runGuard(true, () => throwError(() => new Error('boom')))).toBe(false);
  });

  it('does not match without a session (and does not call the API)', async () => {
    const load = vi.fn(() => of(me(['ops'])));
    expect(await runGuard(false, load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });
});
