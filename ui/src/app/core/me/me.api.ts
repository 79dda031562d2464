import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** A scope someone delegated to the signed-in user. */
export interface MeDelegation {
  readonly partner: string;
  readonly scope: string;
  /** ISO-8601 instant. */
  readonly expiresAt: string;
}

/** The signed-in user as the engine sees it (`GET /api/me`). */
export interface Me {
  readonly username: string;
  readonly displayName: string;
  /** Partner the user belongs to; null for staff without a partner. */
  readonly partner: string | null;
  readonly roles: readonly string[];
  /** Authentication context class of the token (e.g. "1", "mfa"); may be null. */
  readonly acr: string | null;
  /** ISO-8601 instant of the authentication (`auth_time`); may be null. */
  readonly authTime: string | null;
  /** Scopes currently delegated to the user (empty when none). */
  readonly delegations: readonly MeDelegation[];
}

@Injectable({ providedIn: 'root' })
export class MeApi {
  private readonly http = inject(HttpClient);

  me(): Observable<Me> {
    return this.http.get<Me>('/api/me');
  }
}
