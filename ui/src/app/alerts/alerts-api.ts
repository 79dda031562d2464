import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { AcknowledgeRequest, Alert, TestAlertRequest } from './alerts.models';

/**
 * Typed client for the alert API. The alerts page shows the errors of its own calls, so every
 * call is marked with `showsOwnErrors()` (no extra snackbar, also none for a failed poll).
 */
@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly http = inject(HttpClient);

  /** The alerts the user may see, newest first. */
  list(): Observable<Alert[]> {
    return this.http.get<Alert[]>('/api/alerts', { context: showsOwnErrors() });
  }

  /**
   * Acknowledges an open alert; a blank reason is left out. 409 `alert-closed` when it is no
   * longer open, 404 when the user may not see it.
   */
  acknowledge(id: string, reason?: string): Observable<Alert> {
    const trimmed = reason?.trim();
    const body: AcknowledgeRequest = trimmed ? { reason: trimmed } : {};
    return this.http.post<Alert>(`${alertUrl(id)}/ack`, body, { context: showsOwnErrors() });
  }

  /** Resolves an alert; 409 `alert-closed` when it is no longer open. */
  resolve(id: string): Observable<Alert> {
    return this.http.post<Alert>(`${alertUrl(id)}/resolve`, null, { context: showsOwnErrors() });
  }

  /** Raises a test alert for a partner (ops only; 403 otherwise). */
  raiseTest(body: TestAlertRequest): Observable<Alert> {
    return this.http.post<Alert>('/api/alerts/test', body, { context: showsOwnErrors() });
  }
}

function alertUrl(id: string): string {
  return `/api/alerts/${encodeURIComponent(id)}`;
}
