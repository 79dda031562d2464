import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  AcknowledgeRequest,
  Alert,
  AlertLink,
  AlertLinkAcknowledgement,
  AlertPreferencesUpdate,
  AlertPreferencesView,
  ChannelTestReport,
  ChannelTestRequest,
  DeliveryChannel,
  TestAlertRequest,
} from './alerts.models';

const PREFERENCES_URL = '/api/alert-preferences';

/**
 * Typed client for the alert API and the public acknowledgement links. The alert pages show the
 * errors of their own calls, so every call is marked with `showsOwnErrors()` (no extra snackbar,
 * also none for a failed poll).
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
    return this.http.post<Alert>(`${alertUrl(id)}/ack`, reasonBody(reason), {
      context: showsOwnErrors(),
    });
  }

  /** Resolves an alert; 409 `alert-closed` when it is no longer open. */
  resolve(id: string): Observable<Alert> {
    return this.http.post<Alert>(`${alertUrl(id)}/resolve`, null, { context: showsOwnErrors() });
  }

  /** Raises a test alert for a partner (ops only; 403 otherwise). */
  raiseTest(body: TestAlertRequest): Observable<Alert> {
    return this.http.post<Alert>('/api/alerts/test', body, { context: showsOwnErrors() });
  }

  /**
   * The alert preferences of the user's own partner, or of `partner` (ops and delegates), with
   * the silences in force and the policy.
   */
  preferences(partner?: string): Observable<AlertPreferencesView> {
    return this.http.get<AlertPreferencesView>(PREFERENCES_URL, {
      params: partnerParams(partner),
      context: showsOwnErrors(),
    });
  }

  /**
   * Replaces the preferences whole (a silence left out is lifted). 400 names each bad field
   * (`channels.phones[0]`, `mutes[0].reason`, ...); nothing is saved then.
   */
  savePreferences(
    body: AlertPreferencesUpdate,
    partner?: string,
  ): Observable<AlertPreferencesView> {
    return this.http.put<AlertPreferencesView>(PREFERENCES_URL, body, {
      params: partnerParams(partner),
      context: showsOwnErrors(),
    });
  }

  /** Drops the partner's own preferences: they follow the defaults again. */
  resetPreferences(partner?: string): Observable<AlertPreferencesView> {
    return this.http.delete<AlertPreferencesView>(PREFERENCES_URL, {
      params: partnerParams(partner),
      context: showsOwnErrors(),
    });
  }

  /** Sends a test message on each of the channels, to the saved addresses, and reports each. */
  testChannels(channels: readonly DeliveryChannel[]): Observable<ChannelTestReport> {
    const body: ChannelTestRequest = { channels };
    return this.http.post<ChannelTestReport>(`${PREFERENCES_URL}/test`, body, {
      context: showsOwnErrors(),
    });
  }

  /**
   * Public (no login): what an acknowledgement link from an alert message is about. 410
   * `alert-link-used` / `alert-link-expired`, 400 `alert-link-invalid`.
   */
  openLink(token: string): Observable<AlertLink> {
    return this.http.get<AlertLink>(linkUrl(token), { context: showsOwnErrors() });
  }

  /**
   * Public (no login): acknowledges the alert of a link, once; a blank reason is left out. 410 as
   * for {@link openLink}, 409 `alert-closed` when the alert was closed meanwhile.
   */
  acknowledgeLink(token: string, reason?: string): Observable<AlertLinkAcknowledgement> {
    return this.http.post<AlertLinkAcknowledgement>(`${linkUrl(token)}/ack`, reasonBody(reason), {
      context: showsOwnErrors(),
    });
  }
}

function alertUrl(id: string): string {
  return `/api/alerts/${encodeURIComponent(id)}`;
}

function linkUrl(token: string): string {
  return `/api/alert-links/${encodeURIComponent(token)}`;
}

function reasonBody(reason: string | undefined): AcknowledgeRequest {
  const trimmed = reason?.trim();
  return trimmed ? { reason: trimmed } : {};
}

function partnerParams(partner: string | undefined): HttpParams {
  const trimmed = partner?.trim();
  return trimmed ? new HttpParams().set('partner', trimmed) : new HttpParams();
}
