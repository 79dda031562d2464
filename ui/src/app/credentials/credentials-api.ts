import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  Broker,
  Connection,
  NewConnection,
  OpenedShare,
  RevealedSecret,
  ShareCodeSent,
  ShareLink,
  ShareRequest,
} from './credentials.models';

/**
 * Typed client for the broker connection API and the public share links. The credential pages
 * show the errors of their own calls, so every call is marked with `showsOwnErrors()`.
 */
@Injectable({ providedIn: 'root' })
export class CredentialsApi {
  private readonly http = inject(HttpClient);

  brokers(): Observable<Broker[]> {
    return this.http.get<Broker[]>('/api/brokers', { context: showsOwnErrors() });
  }

  list(): Observable<Connection[]> {
    return this.http.get<Connection[]>('/api/connections', { context: showsOwnErrors() });
  }

  get(id: string): Observable<Connection> {
    return this.http.get<Connection>(connectionUrl(id), { context: showsOwnErrors() });
  }

  /** Stores the keys; the answer carries the broker's `authorizationUrl`. 400 names bad fields. */
  create(body: NewConnection): Observable<Connection> {
    return this.http.post<Connection>('/api/connections', body, { context: showsOwnErrors() });
  }

  /** 202 with activity `rotation`; 409 `rotation-needs-broker-login` when only a login renews it. */
  rotate(id: string): Observable<Connection> {
    return this.action(id, 'rotate');
  }

  revoke(id: string): Observable<Connection> {
    return this.action(id, 'revoke');
  }

  /** A new broker login for the stored keys; the answer carries the `authorizationUrl`. */
  reconnect(id: string): Observable<Connection> {
    return this.action(id, 'reconnect');
  }

  /** 403 `mfa-step-up-required` when the login's MFA is missing or too old. */
  reveal(id: string): Observable<RevealedSecret> {
    return this.http.post<RevealedSecret>(`${connectionUrl(id)}/reveal`, null, {
      context: showsOwnErrors(),
    });
  }

  /** 403 `mfa-step-up-required` when the login's MFA is missing or too old. */
  share(id: string, body: ShareRequest): Observable<ShareLink> {
    return this.http.post<ShareLink>(`${connectionUrl(id)}/share`, body, {
      context: showsOwnErrors(),
    });
  }

  /** Public: mails a one-time code to the recipient of a share link. */
  requestShareCode(id: string): Observable<ShareCodeSent> {
    return this.http.post<ShareCodeSent>(`${shareUrl(id)}/code`, null, {
      context: showsOwnErrors(),
    });
  }

  /**
   * Public: opens a share link with its one-time code (once). 400 `invalid-share-code` (with
   * `attemptsLeft`), 410 `link-used-or-expired`.
   */
  openShare(id: string, code: string): Observable<OpenedShare> {
    return this.http.post<OpenedShare>(
      `${shareUrl(id)}/open`,
      { code },
      { context: showsOwnErrors() },
    );
  }

  private action(id: string, action: 'rotate' | 'revoke' | 'reconnect'): Observable<Connection> {
    return this.http.post<Connection>(`${connectionUrl(id)}/${action}`, null, {
      context: showsOwnErrors(),
    });
  }
}

function connectionUrl(id: string): string {
  return `/api/connections/${encodeURIComponent(id)}`;
}

function shareUrl(id: string): string {
  return `/api/shares/${encodeURIComponent(id)}`;
}
