import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { Invitation, NewPartner, Partner } from './partners.models';

/** Typed client for the ops partners API; the page shows its own errors. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Partner[]> {
    return this.http.get<Partner[]>('/api/partners', { context: showsOwnErrors() });
  }

  /** Starts partner-invitation; 400 names bad fields, 409 the id or email that is taken. */
  add(body: NewPartner): Observable<Invitation> {
    return this.http.post<Invitation>('/api/partners', body, { context: showsOwnErrors() });
  }
}
