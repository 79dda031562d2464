import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  BotSecret,
  ConnectionChoice,
  Delegation,
  DelegationRequest,
  DelegationView,
  Scope,
  TeamMember,
} from './delegations.models';

/**
 * Typed client for the delegation API. The delegation pages show the errors of their own calls,
 * so every call is marked with `showsOwnErrors()` (no extra snackbar).
 */
@Injectable({ providedIn: 'root' })
export class DelegationsApi {
  private readonly http = inject(HttpClient);

  scopes(): Observable<Scope[]> {
    return this.http.get<Scope[]>('/api/scopes', { context: showsOwnErrors() });
  }

  team(partner: string): Observable<TeamMember[]> {
    return this.http.get<TeamMember[]>(`/api/partners/${encodeURIComponent(partner)}/team`, {
      context: showsOwnErrors(),
    });
  }

  /** The partner's broker connections, to limit a delegation to one of them. */
  connections(): Observable<ConnectionChoice[]> {
    return this.http.get<ConnectionChoice[]>('/api/connections', { context: showsOwnErrors() });
  }

  list(view: DelegationView): Observable<Delegation[]> {
    return this.http.get<Delegation[]>('/api/delegations', {
      params: new HttpParams().set('view', view),
      context: showsOwnErrors(),
    });
  }

  get(id: string): Observable<Delegation> {
    return this.http.get<Delegation>(`/api/delegations/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  request(body: DelegationRequest): Observable<Delegation> {
    return this.http.post<Delegation>('/api/delegations', body, { context: showsOwnErrors() });
  }

  /** Confirms a request with fresh MFA; 403 `mfa-step-up-required` when the login's MFA is too old. */
  confirmMfa(id: string): Observable<Delegation> {
    return this.http.post<Delegation>(
      `/api/delegations/${encodeURIComponent(id)}/confirm-mfa`,
      null,
      { context: showsOwnErrors() },
    );
  }

  revoke(id: string): Observable<Delegation> {
    return this.http.post<Delegation>(`/api/delegations/${encodeURIComponent(id)}/revoke`, null, {
      context: showsOwnErrors(),
    });
  }

  /** Redeems the one-time token of a bot secret link; 410 when it was used or has expired. */
  redeemBotSecret(token: string): Observable<BotSecret> {
    return this.http.post<BotSecret>(
      '/api/delegations/bot-secret',
      { token },
      { context: showsOwnErrors() },
    );
  }
}
