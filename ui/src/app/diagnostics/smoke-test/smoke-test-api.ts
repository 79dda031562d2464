import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../../core/http/shows-own-errors';
import { SmokeTest, SmokeTestStarted } from './smoke-test.models';

/** Typed client for the Playwright smoke test. The panel shows the errors of its own calls. */
@Injectable({ providedIn: 'root' })
export class SmokeTestApi {
  private readonly http = inject(HttpClient);

  /** Queues a run (202); 409 while one runs for the partner or when it has nothing to test. */
  start(partner: string, connection?: string): Observable<SmokeTestStarted> {
    return this.http.post<SmokeTestStarted>(
      '/api/smoke-tests',
      connection ? { partner, connection } : { partner },
      { context: showsOwnErrors() },
    );
  }

  get(id: string): Observable<SmokeTest> {
    return this.http.get<SmokeTest>(runUrl(id), { context: showsOwnErrors() });
  }

  /** The partner's last runs, newest first. */
  ofPartner(partner: string): Observable<SmokeTest[]> {
    return this.http.get<SmokeTest[]>('/api/smoke-tests', {
      params: { partner },
      context: showsOwnErrors(),
    });
  }

  /** A screenshot (PNG) or the trace (zip), fetched with the login's token. */
  artifact(id: string, name: string): Observable<ArrayBuffer> {
    return this.http.get(`${runUrl(id)}/artifacts/${encodeURIComponent(name)}`, {
      responseType: 'arraybuffer',
      context: showsOwnErrors(),
    });
  }
}

function runUrl(id: string): string {
  return `/api/smoke-tests/${encodeURIComponent(id)}`;
}
