import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { DiagnosedConnection, Diagnosis, DiagnosisRun } from './diagnostics.models';

/** Typed client for the OAuth doctor. The Diagnostics page shows the errors of its own calls. */
@Injectable({ providedIn: 'root' })
export class DiagnosticsApi {
  private readonly http = inject(HttpClient);

  connections(): Observable<DiagnosedConnection[]> {
    return this.http.get<DiagnosedConnection[]>('/api/connections', { context: showsOwnErrors() });
  }

  /** Runs every check now (a few seconds at most); the run is kept and audited. */
  diagnose(id: string): Observable<Diagnosis> {
    return this.http.post<Diagnosis>(`${connectionUrl(id)}/diagnose`, null, {
      context: showsOwnErrors(),
    });
  }

  /** The last 20 runs, newest first. */
  runs(id: string): Observable<DiagnosisRun[]> {
    return this.http.get<DiagnosisRun[]>(`${connectionUrl(id)}/diagnoses`, {
      context: showsOwnErrors(),
    });
  }
}

function connectionUrl(id: string): string {
  return `/api/connections/${encodeURIComponent(id)}`;
}
